#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class QTcpSocket;

namespace Mailkeep::Http {

// An HTTP/1.1 response written straight to the connection. Answers are often sent long after
// the request arrived (authentication on a worker thread, long-polls), so the server writes them
// itself once it knows the connection is still there.
struct HttpReply
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpReply json(QByteArray body, int status = 200);
    static HttpReply text(int status, const QByteArray &message);
    static HttpReply authenticationChallenge();

    // Writes the response; closes the connection afterwards when closeConnection is set.
    void writeTo(QTcpSocket *socket, bool closeConnection) const;
};

QByteArray reasonPhrase(int status);

} // namespace Mailkeep::Http
