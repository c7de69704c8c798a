#pragma once

#include "connectors/microsoft365/GraphSession.h"

namespace Mailkeep::Connectors {

// One request inside a JSON batch.
struct BatchPart
{
    QByteArray method = "GET";
    QString url; // relative to the version: "/users/{id}/messages/{id}"
};

// Sends parts as JSON batches (POST /v1.0/$batch) of at most 20, one batch at a time: Graph
// runs at most 4 parts of a batch against one mailbox at once and counts every part against
// the mailbox's budget, so batching saves round trips, not limits. A part answered 429, 503
// or 504 goes again in a later batch after its Retry-After; done gets every other answer
// (binary bodies decoded from base64), or the error that ended the batch as a whole.
void runBatched(GraphSession &session, const QUrl &batchUrl, const QList<BatchPart> &parts,
                const std::function<void(qsizetype, Result<HttpResponse>)> &done);

inline constexpr int kMostPartsPerBatch = 20;

} // namespace Mailkeep::Connectors
