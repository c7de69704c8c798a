// MailGenerator: the header blocks, the MIME structure and the attachments of a message.
#include "MailEncoding.h"
#include "MailGenerator.h"
#include "MailVocabulary.h"

#include <QUrl>

#include <cstring>
#include <string_view>

using namespace Qt::Literals::StringLiterals;
using namespace MailEncoding;
using namespace std::string_view_literals;

namespace {

using Language = MailGenerator::Language;

// Duplicates are drawn from a bounded pool of earlier messages, so memory stays flat whatever
// the number of messages.
constexpr qint64 kLargestKept = 1024 * 1024;
constexpr qsizetype kKeptMessages = 2000;
constexpr qint64 kKeptBytes = 64 * 1024 * 1024;

// "To: a <a@x>, b <b@y>" folded before the line gets long.
QByteArray addressList(const QByteArray &field, const QList<QByteArray> &mailboxes)
{
    QByteArray out = field + ": ";
    qsizetype column = out.size();
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        const QByteArray &mailbox = mailboxes.at(i);
        const qsizetype firstLine = mailbox.contains('\n') ? mailbox.indexOf('\n') : mailbox.size();
        if (i > 0) {
            out += ',';
            if (column + 2 + firstLine > 76) {
                out += "\n ";
                column = 1;
            } else {
                out += ' ';
                column += 2;
            }
        }
        out += mailbox;
        column = mailbox.contains('\n') ? mailbox.size() - mailbox.lastIndexOf('\n')
                                        : column + mailbox.size();
    }
    return out + '\n';
}

QByteArray domainOf(const QByteArray &address)
{
    return address.mid(address.indexOf('@') + 1);
}

} // namespace

QByteArray MailGenerator::transportHeaders(const QByteArray &sender, const QByteArray &recipient,
                                           qint64 sent)
{
    static constexpr int kRelayOffsets[] = {0, 60, 120};
    const QByteArray from = domainOf(sender);
    const QByteArray to = domainOf(recipient);
    const int offset = kRelayOffsets[below(3)];
    QByteArray out = "Return-Path: <" +
                     (chance(0.15) ? QByteArray("bounce-" + hex(10) + '@' + from) : sender) +
                     ">\n" + "Delivered-To: " + recipient + '\n';
    if (chance(0.5))
        out += "X-Original-To: " + recipient + '\n';
    // Hops from the sender's submission to the final delivery; the newest goes on top.
    const int hops = 2 + static_cast<int>(below(4));
    QList<QByteArray> received;
    qint64 at = sent + 1 + below(5);
    for (int hop = 0; hop < hops; ++hop) {
        at += below(20);
        const QByteArray date = rfc5322Date(at, offset) + (chance(0.3) ? " (CET)" : "");
        const QByteArray id = base64Token(14).replace('+', 'x').replace('/', 'Q');
        const QByteArray ip = QByteArray::number(192 + below(12)) + '.' +
                              QByteArray::number(below(256)) + '.' +
                              QByteArray::number(below(256)) + '.' + QByteArray::number(below(256));
        if (hop == 0) {
            received << "Received: from [10." + QByteArray::number(below(256)) + '.' +
                            QByteArray::number(below(256)) + ".7] (unknown [" + ip +
                            "])\n\tby smtp." + from + " (Postfix) with ESMTPSA id " + id +
                            "\n\tfor <" + recipient + ">; " + date + '\n';
        } else if (hop + 1 == hops && chance(0.5)) {
            received << "Received: from localhost (localhost [127.0.0.1])\n\tby mail." + to +
                            " (amavisd-new, port 10024) with ESMTP id " + id + "\n\tfor <" +
                            recipient + ">; " + date + '\n';
        } else if (chance(0.3)) {
            received << "Received: from AM" + QByteArray::number(below(10)) + "PR0" +
                            QByteArray::number(below(10)) + "MB" +
                            QByteArray::number(1000 + below(9000)) + ".eurprd0" +
                            QByteArray::number(below(10)) +
                            ".prod.outlook.example (2603:10a6:" + hex(3) + "::" + hex(2) +
                            ") by mx" + QByteArray::number(hop) + '.' + to +
                            "\n with Microsoft SMTP Server (version=TLS1_2,\n cipher=" +
                            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20." +
                            QByteArray::number(below(9000)) + '.' + QByteArray::number(below(40)) +
                            "; " + date + '\n';
        } else {
            received << "Received: from mx" + QByteArray::number(hop) + '.' + from + " (mx" +
                            QByteArray::number(hop) + '.' + from + " [" + ip + "])\n\tby mx" +
                            QByteArray::number(hop + 1) + '.' + to + " (Postfix) with ESMTPS id " +
                            id + "\n\tfor <" + recipient + ">; " + date + '\n';
        }
    }
    for (qsizetype i = received.size() - 1; i >= 0; --i)
        out += received.at(i);
    if (chance(0.6))
        out += "Authentication-Results: mx1." + to +
               ";\n\tdkim=pass (2048-bit key) header.d=" + from + " header.i=@" + from +
               " header.b=\"" + base64Token(8) + "\";\n\tspf=pass smtp.mailfrom=" + sender +
               ";\n\tdmarc=pass (p=none dis=none) " + "header.from=" + from + '\n';
    if (chance(0.5)) {
        const QByteArray score =
            (chance(0.7) ? "-" : "") + QByteArray::number(below(50) / 10.0, 'f', 1);
        out += "X-Spam-Status: No, score=" + score +
               " required=5.0 tests=BAYES_00,DKIM_SIGNED,\n\tDKIM_VALID,SPF_PASS "
               "autolearn=ham autolearn_force=no version=3.4.6\nX-Spam-Score: " +
               score + '\n';
    }
    if (chance(0.4))
        out += "X-Virus-Scanned: amavisd-new at " + to + '\n';
    return out;
}

QByteArray MailGenerator::attachment(qint64 bytes, Language language)
{
    struct Kind
    {
        const char *type;
        const char *suffix;
        std::string_view magic; // a view, because the signatures hold NUL bytes
    };
    static constexpr Kind kKinds[] = {
        {"application/pdf", ".pdf",
         "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 4 >>\nstream\n"sv},
        {"image/png", ".png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv},
        {"image/jpeg", ".jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF\0"sv},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
         "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml"sv},
        {"text/csv", ".csv", ""sv}};
    static const QStringList kNames[] = {
        {u"report-final"_s, u"scan0001"_s, u"IMG_4821"_s, u"minutes"_s},
        {u"Rechnung_2026-03"_s, u"Angebot Müller"_s, u"Präsentation Q3"_s, u"Übersicht"_s},
        {u"facture_0423"_s, u"Présentation"_s, u"devis signé"_s, u"compte-rendu"_s},
        {u"отчёт"_s, u"договор"_s, u"счёт_12"_s, u"scan"_s},
        {u"報告書"_s, u"会议纪要"_s, u"見積書"_s, u"scan"_s}};
    const Kind &kind = kKinds[below(std::size(kKinds))];
    const QString name =
        pick(kNames[static_cast<int>(language)]) + QString::fromLatin1(kind.suffix);
    QByteArray content;
    if (kind.magic.empty()) {
        // A spreadsheet export: text, so it compresses like one.
        content = "Datum;Betrag;Beschreibung\n";
        while (content.size() < bytes)
            content += QByteArray::number(1 + below(28)) + ".0" + QByteArray::number(1 + below(9)) +
                       ".2025;" + QByteArray::number(below(100000) / 100.0, 'f', 2) + ';' +
                       words(language, 3).toUtf8() + '\n';
    } else {
        // Compressed formats: random bytes after the format's signature.
        content = QByteArray(kind.magic.data(), static_cast<qsizetype>(kind.magic.size()));
        const qsizetype start = content.size();
        content.resize(qMax(start, bytes));
        for (qsizetype i = start; i < content.size(); i += 8) {
            const std::uint64_t random = m_rng();
            std::memcpy(content.data() + i, &random, qMin<qsizetype>(8, content.size() - i));
        }
    }
    QByteArray out = "Content-Type: " + QByteArray(kind.type) + ";\n name=\"";
    if (fits(name, Charset::Ascii)) {
        out += ascii(name) + "\"\nContent-Disposition: attachment; filename=\"" + ascii(name) + '"';
    } else {
        // Both conventions, as many mailers write them: RFC 2047 in name, RFC 2231 in filename.
        out += encodedWords(name, Charset::Utf8, true) +
               "\"\nContent-Disposition: attachment;\n filename*=UTF-8''" +
               QUrl::toPercentEncoding(name);
    }
    return out + "\nContent-Transfer-Encoding: base64\n\n" + base64Lines(content);
}

QByteArray MailGenerator::original()
{
    static constexpr Language kLanguages[] = {
        Language::English, Language::English, Language::English, Language::English,
        Language::English, Language::German,  Language::German,  Language::French,
        Language::French,  Language::Russian, Language::Cjk};
    static constexpr int kSenderOffsets[] = {0, 60, 120, -300, -480, 180, 540, 330};
    static constexpr const char *kMailers[] = {
        "User-Agent: Mozilla Thunderbird 115.8.0", "X-Mailer: Microsoft Outlook 16.0",
        "X-Mailer: Apple Mail (2.3774.300.61.1.2)", "User-Agent: Roundcube Webmail/1.6.5",
        "X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)"};
    const Language language = kLanguages[below(std::size(kLanguages))];
    Charset charset = Charset::Utf8;
    if (language == Language::English)
        charset = chance(0.5) ? Charset::Ascii : (chance(0.6) ? Charset::Utf8 : Charset::Latin1);
    else if (language == Language::German || language == Language::French)
        charset =
            chance(0.4) ? Charset::Utf8 : (chance(0.5) ? Charset::Latin1 : Charset::Windows1252);
    else if (language == Language::Russian && chance(0.4))
        charset = Charset::Koi8r;

    m_clock += 1 + below(600);
    const qint64 sent = m_clock;
    const Person from = person(chance(0.85) ? language : static_cast<Language>(below(5)));
    QList<QByteArray> to;
    QList<QByteArray> cc;
    QByteArray recipient;
    for (int i = 0, n = chance(0.2) ? 2 + static_cast<int>(below(5)) : 1; i < n; ++i) {
        const Person who = person(language);
        recipient = recipient.isEmpty() ? who.address : recipient;
        to << mailbox(who);
    }
    for (int i = 0, n = chance(0.3) ? 1 + static_cast<int>(below(5)) : 0; i < n; ++i)
        cc << mailbox(person(language));

    QByteArray head;
    const QByteArray domain = domainOf(from.address);
    if (chance(0.4))
        head += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=sel" +
                QByteArray::number(below(3)) + ";\n\tt=" + QByteArray::number(sent) +
                "; h=from:to:subject:date:message-id:mime-version;\n\tbh=" + base64Token(43) +
                "=;\n\tb=" + base64Token(70) + "\n\t " + base64Token(70) + "\n\t " +
                base64Token(70) + "\n\t " + base64Token(70) + "\n\t " + base64Token(64) + "==\n";
    head += "From: " + mailbox(from) + '\n' + addressList("To", to);
    if (!cc.isEmpty())
        head += addressList("Cc", cc);
    const QString title = subject(language);
    QByteArray encodedSubject = ascii(title);
    if (!fits(title, Charset::Ascii)) {
        const Charset subjectCharset = fits(title, Charset::Latin1) && chance(0.4) ? Charset::Latin1
                                       : fits(title, Charset::Koi8r) && chance(0.35)
                                           ? Charset::Koi8r
                                           : Charset::Utf8;
        encodedSubject =
            encodedWords(title, subjectCharset, subjectCharset != Charset::Latin1 && chance(0.6));
    }
    head += "Subject: " + encodedSubject + '\n' +
            "Date: " + rfc5322Date(sent, kSenderOffsets[below(std::size(kSenderOffsets))]) + '\n' +
            "Message-ID: <" + hex(16) + '.' + hex(8) + "@mail." + domain + ">\n";
    if (title.startsWith(u"Re"_s) || title.startsWith(u"AW"_s) || title.startsWith(u"RE"_s)) {
        const QByteArray parent = '<' + hex(20) + "@mail." + domain + '>';
        head += "In-Reply-To: " + parent + "\nReferences: <" + hex(20) + '@' + domain + ">\n " +
                parent + '\n';
    }
    if (chance(0.6))
        head += QByteArray(kMailers[below(std::size(kMailers))]) + '\n';
    head += "MIME-Version: 1.0\n";

    const QByteArray transport = transportHeaders(from.address, recipient, sent);
    const qint64 remaining = qMax<qint64>(300, targetSize() - transport.size() - head.size() - 300);
    const bool attach = remaining > 24000 || (remaining > 6000 && chance(0.35));
    const qint64 textBytes = attach ? qMin<qint64>(remaining / 5, 800 + below(4000)) : remaining;
    const bool alternative = chance(0.35);
    const QStringList text =
        paragraphs(language, charset, alternative ? textBytes * 10 / 23 : textBytes);
    QByteArray body = textPart(text, language, false, charset);
    if (alternative) {
        const QByteArray inner = boundary();
        body = "Content-Type: multipart/alternative;\n boundary=\"" + inner + "\"\n\n--" + inner +
               '\n' + body + "--" + inner + '\n' + textPart(text, language, true, charset) + "--" +
               inner + "--\n";
    }
    if (attach) {
        const QByteArray outer = boundary();
        QByteArray mixed = "Content-Type: multipart/mixed;\n boundary=\"" + outer + "\"\n\n" +
                           (chance(0.5) ? "This is a multi-part message in MIME format.\n" : "") +
                           "--" + outer + '\n' + body;
        const int count = chance(0.7) ? 1 : 2 + static_cast<int>(below(2));
        // Base64 makes four characters of three bytes, in lines of 76 and a line break.
        qint64 left = qMax<qint64>(0, remaining - body.size()) * 3 / 4 * 76 / 77;
        for (int i = 0; i < count; ++i) {
            const qint64 bytes = i + 1 == count ? left : left * (20 + below(60)) / 100;
            left -= bytes;
            mixed += "\n--" + outer + '\n' + attachment(qMax<qint64>(bytes, 512), language);
        }
        body = mixed + "\n--" + outer + "--\n";
    }

    Kept kept{transport, head + body, from.address, recipient, sent, attach};
    const qint64 keptSize = kept.transport.size() + kept.content.size();
    const QByteArray message = transport + kept.content;
    if (keptSize <= kLargestKept) {
        if (m_kept.size() < kKeptMessages && m_keptBytes + keptSize <= kKeptBytes) {
            m_kept << std::move(kept);
            m_keptBytes += keptSize;
        } else {
            // Replacing at random keeps duplicates of old messages as well as of recent ones.
            Kept &slot = m_kept[below(m_kept.size())];
            m_keptBytes += keptSize - slot.transport.size() - slot.content.size();
            slot = std::move(kept);
        }
    }
    m_lastHadAttachments = attach;
    return message;
}
