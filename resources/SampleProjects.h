// Access to the sample projects compiled into the executable, and a way to get a writable copy.
#pragma once

#include <QString>

namespace gatehouse::SampleProjects {

// ":/samples/hello-api": the pristine bundled copy (read-only).
QString bundledPath(const QString &name = QStringLiteral("hello-api"));

// Copies the bundled sample to `targetFolder` (created if needed) unless it already holds a project;
// returns false with a message when the copy fails. Copied files are made writable.
bool copyTo(const QString &targetFolder, QString *errorMessage,
            const QString &name = QStringLiteral("hello-api"));

} // namespace gatehouse::SampleProjects
