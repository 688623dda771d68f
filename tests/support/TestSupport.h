// Helpers shared by the tests: where the sources and the executable are, temporary project
// folders, running `gatehouse` as a child process, and waiting on conditions without sleeping.
#pragma once

#include "project/Project.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>

namespace gatehouse::test {

QString sourcePath(const QString &relative); // under the repository root
QString samplePath();                        // resources/samples/hello-api
QString executablePath();                    // the built `gatehouse`
QString sharedPath(const QString &relative); // ../shared (validators, fixtures)

// Writes `text` to `folder`/gatehouse.json (creating the folder) and returns the folder.
QString writeProjectFile(const QString &folder, const QByteArray &text);
// Copies a folder tree (e.g. the sample) into `target`.
bool copyTree(const QString &source, const QString &target);

struct ProcessResult {
    int exitCode = -1;
    bool finished = false; // false when it timed out or crashed
    QByteArray out;
    QByteArray err;
};
// Runs the gatehouse executable with `arguments`; kills it after `timeoutMs`.
ProcessResult runGatehouse(const QStringList &arguments, int timeoutMs = 30000,
                           const QByteArray &stdinData = {},
                           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// Spins the event loop until `condition` holds or `timeoutMs` passes; returns the condition's value.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000);

} // namespace gatehouse::test
