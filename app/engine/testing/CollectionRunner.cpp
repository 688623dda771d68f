#include "CollectionRunner.h"

#include <QTimer>
#include <algorithm>

namespace gatehouse::testing {

bool RequestOutcome::passed() const {
    return error.isEmpty() && failures().isEmpty();
}

QList<AssertionOutcome> RequestOutcome::failures() const {
    QList<AssertionOutcome> failed;
    for (const AssertionOutcome &a : assertions)
        if (!a.passed) failed.append(a);
    return failed;
}

PreparedRequest prepareRequest(const SavedRequest &saved, const RunOptions &options) {
    PreparedRequest prepared;
    auto substitute = [&](const QString &text) {
        Substitution s = substituteVariables(text, options.variables);
        for (const QString &name : s.unknown)
            if (!prepared.unknownVariables.contains(name)) prepared.unknownVariables.append(name);
        return s.text;
    };
    prepared.url = substitute(saved.url);
    prepared.request.method = (saved.method.isEmpty() ? QStringLiteral("GET") : saved.method).toUtf8();
    prepared.request.url = QUrl(prepared.url);
    for (const NameValue &header : saved.headers)
        prepared.request.headers.append(
            {substitute(header.name).toUtf8(), substitute(header.value).toUtf8()});
    prepared.request.body = substitute(saved.body).toUtf8();
    prepared.request.timeoutMs = options.timeoutMs;
    prepared.request.followRedirects = options.followRedirects;
    return prepared;
}

RequestOutcome judgeExchange(const SavedRequest &saved, const PreparedRequest &prepared,
                             const HttpExchange &exchange) {
    RequestOutcome outcome;
    outcome.name = saved.name;
    outcome.method = QString::fromUtf8(prepared.request.method);
    outcome.url = prepared.url;
    outcome.exchange = exchange;
    if (!exchange.hasResponse()) {
        outcome.error = CollectionRunner::tr("no response: %1").arg(exchange.error);
        return outcome;
    }
    for (const RequestAssertion &assertion : saved.assertions)
        outcome.assertions.append(evaluateAssertion(assertion, exchange));
    return outcome;
}

CollectionRunner::CollectionRunner(QObject *parent)
    : QObject(parent) {}

void CollectionRunner::start(const QList<SavedRequest> &requests, const RunOptions &options) {
    cancel();
    m_requests = requests;
    m_options = options;
    m_outcomes.clear();
    m_running = true;
    // Queued, so that a caller connecting after start() still hears about every request.
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation == m_generation) sendNext();
    });
}

void CollectionRunner::cancel() {
    ++m_generation;
    m_sender.abortAll();
    m_running = false;
}

int CollectionRunner::passedCount() const {
    return int(std::count_if(m_outcomes.cbegin(), m_outcomes.cend(),
                             [](const RequestOutcome &o) { return o.passed(); }));
}

void CollectionRunner::sendNext() {
    if (m_outcomes.size() == m_requests.size()) {
        m_running = false;
        emit finished();
        return;
    }
    const SavedRequest &saved = m_requests.at(m_outcomes.size());
    const PreparedRequest prepared = prepareRequest(saved, m_options);
    if (!prepared.unknownVariables.isEmpty() || !prepared.request.url.isValid() ||
        prepared.request.url.scheme().isEmpty()) {
        RequestOutcome outcome;
        outcome.name = saved.name;
        outcome.method = QString::fromUtf8(prepared.request.method);
        outcome.url = prepared.url;
        QStringList names;
        for (const QString &name : prepared.unknownVariables)
            names.append(QStringLiteral("{{%1}}").arg(name));
        outcome.error = !names.isEmpty() ? tr("no value for %1").arg(names.join(QStringLiteral(", ")))
                                         : tr("not a URL: %1").arg(prepared.url);
        m_outcomes.append(outcome);
        emit requestFinished(int(m_outcomes.size()) - 1);
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation) sendNext();
        });
        return;
    }
    m_sender.send(prepared.request,
                  [this, saved, prepared, generation = m_generation](const HttpExchange &exchange) {
                      if (generation != m_generation) return;
                      m_outcomes.append(judgeExchange(saved, prepared, exchange));
                      emit requestFinished(int(m_outcomes.size()) - 1);
                      sendNext();
                  });
}

} // namespace gatehouse::testing
