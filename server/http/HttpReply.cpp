#include "http/HttpReply.h"

#include <QTcpSocket>

namespace Mailkeep::Http {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

HttpReply HttpReply::json(QByteArray body, int status)
{
    HttpReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

HttpReply HttpReply::text(int status, const QByteArray &message)
{
    HttpReply reply;
    reply.status = status;
    reply.contentType = "text/plain; charset=utf-8";
    reply.body = message + '\n';
    return reply;
}

HttpReply HttpReply::authenticationChallenge()
{
    HttpReply reply = text(401, "Authentication required.");
    reply.headers.append(qMakePair(QByteArray("WWW-Authenticate"),
                                   QByteArray("Basic realm=\"Mailkeep\", charset=\"UTF-8\"")));
    return reply;
}

void HttpReply::writeTo(QTcpSocket *socket, bool closeConnection) const
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                      "\r\nContent-Type: " + contentType +
                      "\r\nContent-Length: " + QByteArray::number(body.size()) +
                      "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += closeConnection ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    socket->write(head + body);
    if (closeConnection)
        socket->disconnectFromHost();
}

} // namespace Mailkeep::Http
