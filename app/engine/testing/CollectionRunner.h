// Runs saved requests one after another — variables substituted, sent, assertions checked — and
// reports each result as it comes; `gatehouse test` drives it, the studio's "Run collection" will.
#pragma once

#include "AssertionEvaluator.h"
#include "RequestSender.h"
#include "RequestVariables.h"

#include <QObject>

namespace gatehouse::testing {

struct RequestOutcome {
    QString name;
    QString method;
    QString url; // after substitution
    HttpExchange exchange;
    QList<AssertionOutcome> assertions;
    QString error; // the request could not be sent or got no response; empty otherwise

    // A request without assertions passes when it gets any HTTP response.
    bool passed() const;
    QList<AssertionOutcome> failures() const;
};

struct PreparedRequest {
    OutgoingRequest request;
    QStringList unknownVariables; // non-empty: not sent
    QString url;                  // substituted text, also when it is not a valid URL
};

struct RunOptions {
    VariableMap variables;
    int timeoutMs = 30000;
    bool followRedirects = false;
};

// The saved request with {{variables}} replaced in its URL, header names and values and body.
PreparedRequest prepareRequest(const SavedRequest &saved, const RunOptions &options);
// Assertions checked against what came back; no response fails the request without checking them.
RequestOutcome judgeExchange(const SavedRequest &saved, const PreparedRequest &prepared,
                             const HttpExchange &exchange);

class CollectionRunner : public QObject {
    Q_OBJECT
public:
    explicit CollectionRunner(QObject *parent = nullptr);

    // Starts a run (cancelling any run in progress); the requests go in order, one at a time, so
    // a create-then-read collection sees its own writes.
    void start(const QList<SavedRequest> &requests, const RunOptions &options);
    void cancel();
    bool isRunning() const { return m_running; }

    const QList<RequestOutcome> &outcomes() const { return m_outcomes; }
    int passedCount() const;
    int failedCount() const { return int(m_outcomes.size()) - passedCount(); }

signals:
    void requestFinished(int index); // into outcomes()
    void finished();

private:
    void sendNext();

    RequestSender m_sender;
    QList<SavedRequest> m_requests;
    RunOptions m_options;
    QList<RequestOutcome> m_outcomes;
    bool m_running = false;
    quint64 m_generation = 0; // callbacks of a cancelled run are ignored
};

} // namespace gatehouse::testing
