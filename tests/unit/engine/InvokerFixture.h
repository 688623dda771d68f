// A throwaway project folder with JavaScript functions, and an Invoker over it, for the invoker tests.
#pragma once

#include "invoker/Invoker.h"
#include "telemetry/LogStore.h"

#include <QTemporaryDir>
#include <memory>

namespace gatehouse::test {

class InvokerFixture {
public:
    InvokerFixture();

    // Adds a `javascript` function whose code folder is functions/<name> with `files` (relative
    // path → content). Returns it for further settings (timeout, reservedConcurrency, ...).
    Function &addFunction(const QString &name, const QMap<QString, QByteArray> &files,
                          const QString &handler = QStringLiteral("index.handler"));
    // Writes (or overwrites) a file under the project folder.
    void write(const QString &relativePath, const QByteArray &content) const;
    QString folder() const { return m_dir.path(); }

    // A new Invoker over the project; short async retry delays unless `options` says otherwise.
    Invoker &start(InvokerOptions options = fastOptions());
    Invoker &invoker() { return *m_invoker; }
    static InvokerOptions fastOptions();

    Project project;
    LogStore logs{10000};

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Invoker> m_invoker;
};

// The payload as compact JSON text, for comparisons.
QByteArray compactJson(const QByteArray &json);

} // namespace gatehouse::test
