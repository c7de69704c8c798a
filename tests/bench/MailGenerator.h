// Deterministic generator of realistic RFC 5322 mail for the ingest benchmark: the same seed gives
// the same bytes, so figures from different runs and machines describe the same input.
//
// Header blocks carry Received chains, Return-Path, display names as RFC 2047 encoded words,
// Subjects mixing English, German, French, Cyrillic and CJK words. Bodies are text/plain,
// multipart/alternative or multipart/mixed with Base64 attachments, in utf-8, iso-8859-1,
// windows-1252 and koi8-r, sent as 7bit, 8bit, quoted-printable or Base64. Sizes are log-normal
// around 4 KB with an attachment tail capped at 8 MB. About 15 % of the messages repeat an
// earlier one byte for byte and about 5 % repeat one with other transport headers.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <random>

class MailGenerator
{
public:
    struct Stats
    {
        qint64 messages = 0;
        qint64 bytes = 0;
        qint64 exactDuplicates = 0;
        qint64 transportDuplicates = 0;
        qint64 withAttachments = 0;
        qint64 largest = 0;
    };

    explicit MailGenerator(std::uint64_t seed);

    // The next message: header block, blank line, body; LF line endings, ends with a line break.
    QByteArray next();
    const Stats &stats() const { return m_stats; }

    enum class Charset
    {
        Ascii,
        Utf8,
        Latin1,
        Windows1252,
        Koi8r,
    };
    enum class Language
    {
        English,
        German,
        French,
        Russian,
        Cjk,
    };

private:
    struct Person
    {
        QString name;
        QByteArray address;
    };
    // What a transport duplicate needs: the part a relay does not touch and who it went between.
    struct Kept
    {
        QByteArray transport;
        QByteArray content;
        QByteArray sender;
        QByteArray recipient;
        qint64 sent = 0;
        bool attachments = false;
    };

    // Signed, so that arithmetic with it stays signed.
    qint64 below(qint64 n) { return static_cast<qint64>(m_rng() % static_cast<std::uint64_t>(n)); }
    double uniform() { return static_cast<double>(m_rng() >> 11) * 0x1.0p-53; }
    double normal();
    bool chance(double p) { return uniform() < p; }
    const QString &pick(const QStringList &list) { return list.at(below(list.size())); }
    QByteArray hex(int digits);
    QByteArray base64Token(int length);

    QByteArray original();
    qint64 targetSize();
    Person person(Language language);
    QByteArray mailbox(const Person &who);
    QString words(Language language, int count);
    QString sentence(Language language, Charset charset);
    QStringList paragraphs(Language language, Charset charset, qint64 bytes);
    QString subject(Language language);
    QByteArray transportHeaders(const QByteArray &sender, const QByteArray &recipient, qint64 sent);
    QByteArray textPart(const QStringList &text, Language language, bool html, Charset charset);
    QByteArray attachment(qint64 bytes, Language language);
    QByteArray boundary();

    std::mt19937_64 m_rng;
    Stats m_stats;
    QList<Kept> m_kept;
    qint64 m_keptBytes = 0;
    qint64 m_clock;
    bool m_lastHadAttachments = false;
    QList<QStringList> m_vocabulary;
    QList<QStringList> m_firstNames;
    QList<QStringList> m_lastNames;
};
