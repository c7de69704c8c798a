#include "support/TestMicrosoft365.h"

#include "crypto/CertificateFactory.h"
#include "support/HttpsTestClient.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Testing {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

TestMicrosoft365::TestMicrosoft365() = default;

TestMicrosoft365::~TestMicrosoft365()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel(); // the fake ends when its input does
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

Status TestMicrosoft365::start()
{
    m_directory = std::make_unique<QTemporaryDir>();
    if (!m_directory->isValid())
        return Error(ErrorCode::Internal, u"no temporary folder for the fake Microsoft 365"_s);
    Crypto::SelfSignedRequest tls;
    tls.commonName = u"fake Microsoft 365"_s;
    tls.dnsNames = {u"localhost"_s};
    tls.ipAddresses = {u"127.0.0.1"_s};
    tls.validDays = 2;
    Result<Crypto::CertificateAndKey> tlsPair = Crypto::CertificateFactory::createSelfSigned(tls);
    Crypto::SelfSignedRequest signing;
    signing.commonName = u"fake Entra ID token signing"_s;
    signing.key = Crypto::SelfSignedRequest::Key::Rsa2048;
    Result<Crypto::CertificateAndKey> signingPair =
        Crypto::CertificateFactory::createSelfSigned(signing);
    if (!tlsPair.ok() || !signingPair.ok())
        return Error(ErrorCode::Internal, u"cannot make the fake's keys"_s);
    m_fingerprint = Crypto::CertificateFactory::sha256Fingerprint(tlsPair->certificatePem);
    if (!writeFile(m_directory->filePath(u"tls.crt"_s), tlsPair->certificatePem) ||
        !writeFile(m_directory->filePath(u"tls.key"_s), tlsPair->privateKeyPem) ||
        !writeFile(m_directory->filePath(u"signing.key"_s), signingPair->privateKeyPem))
        return Error(ErrorCode::Internal, u"cannot write the fake's keys"_s);

    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s); // nothing left in the sources
    m_process.setProcessEnvironment(environment);

    m_process.start(u"python3"_s,
                    {QStringLiteral(MAILKEEP_FAKES_DIR) + u"/microsoft365/fake_m365.py"_s,
                     u"--tls-cert"_s, m_directory->filePath(u"tls.crt"_s), u"--tls-key"_s,
                     m_directory->filePath(u"tls.key"_s), u"--signing-key"_s,
                     m_directory->filePath(u"signing.key"_s)});
    if (!m_process.waitForStarted(10000))
        return Error(ErrorCode::Unavailable,
                     u"python3 does not start: %1"_s.arg(m_process.errorString()));
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(15000))
            return Error(ErrorCode::Unavailable,
                         u"the fake Microsoft 365 did not report its ports: %1"_s.arg(
                             QString::fromUtf8(m_process.readAllStandardError())));
    }
    m_ports = QJsonDocument::fromJson(m_process.readLine()).object();
    if (m_ports.value(u"global"_s).toInt() <= 0)
        return Error(ErrorCode::Unavailable, u"the fake Microsoft 365 gave no ports"_s);
    return {};
}

QString TestMicrosoft365::baseUrl(const QString &cloud) const
{
    return u"https://127.0.0.1:%1"_s.arg(m_ports.value(cloud).toInt());
}

QString TestMicrosoft365::caFile() const
{
    return m_directory ? m_directory->filePath(u"tls.crt"_s) : QString();
}

Result<QJsonObject> TestMicrosoft365::control(const QByteArray &verb, const QString &path,
                                              const QJsonObject &body)
{
    HttpsTestClient client(static_cast<quint16>(m_ports.value(u"global"_s).toInt()), m_fingerprint);
    const HttpsResponse response =
        verb == "GET" ? client.get(path)
                      : client.post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (response.status != 200)
        return Error(ErrorCode::Unavailable,
                     u"fake Microsoft 365 %1: %2 %3"_s.arg(path)
                         .arg(response.status)
                         .arg(response.networkError + QString::fromUtf8(response.body)));
    return QJsonDocument::fromJson(response.body).object();
}

Status TestMicrosoft365::loadScenario(const QJsonObject &scenario)
{
    Result<QJsonObject> answer = control("POST", u"/_control/scenario"_s, scenario);
    return answer.ok() ? Status() : Status(answer.error());
}

Status TestMicrosoft365::setClockOffset(double seconds)
{
    Result<QJsonObject> answer =
        control("POST", u"/_control/clock"_s, {{u"offsetSeconds"_s, seconds}});
    return answer.ok() ? Status() : Status(answer.error());
}

Status TestMicrosoft365::addFault(const QJsonObject &fault)
{
    Result<QJsonObject> answer = control("POST", u"/_control/fault"_s, fault);
    return answer.ok() ? Status() : Status(answer.error());
}

Result<QJsonObject> TestMicrosoft365::log()
{
    return control("GET", u"/_control/log"_s);
}

Status TestMicrosoft365::addMessage(const QString &user, const QString &folderPath,
                                    const QJsonObject &spec)
{
    QJsonObject body = spec;
    body.insert(u"user"_s, user);
    body.insert(u"folder"_s, folderPath);
    Result<QJsonObject> answer = control("POST", u"/_control/message"_s, body);
    return answer.ok() ? Status() : Status(answer.error());
}

Status TestMicrosoft365::expireDeltaLinks(const QString &user)
{
    Result<QJsonObject> answer = control("POST", u"/_control/expire-delta"_s, {{u"user"_s, user}});
    return answer.ok() ? Status() : Status(answer.error());
}

Result<QJsonObject> TestMicrosoft365::mailbox(const QString &user)
{
    return control("POST", u"/_control/mailbox"_s, {{u"user"_s, user}});
}

Result<QJsonObject> TestMicrosoft365::throttling()
{
    return control("GET", u"/_control/throttle"_s);
}

quint16 TestMicrosoft365::imapPort() const
{
    return static_cast<quint16>(m_ports.value(u"imap"_s).toInt());
}

Result<QJsonObject> TestMicrosoft365::imapFolders(const QString &user)
{
    return control("POST", u"/_control/imap"_s, QJsonObject{{u"user"_s, user}});
}

Result<QJsonObject> TestMicrosoft365::mailboxesAtOnce()
{
    return control("GET", u"/_control/mailboxes-at-once"_s);
}

} // namespace Mailkeep::Testing
