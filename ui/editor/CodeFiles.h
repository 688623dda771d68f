// Reading and writing the code files the editor opens: whole files, written atomically.
#pragma once

#include "code/HandlerFile.h"
#include "project/Function.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::codefiles {

// The whole file; false with a message for the user when it cannot be read.
bool read(const QString &path, QByteArray *bytes, QString *error);

// Replaces the file in one step (QSaveFile: a full disk or a crash leaves the old file whole, and the
// engine's code watcher never sees half a file), creating missing folders. An existing file keeps its
// permissions, so a bootstrap stays executable; a new one gets the execute bits when `executable`.
bool write(const QString &path, const QByteArray &bytes, bool executable, QString *error);

// Writes `function`'s starter handler (handlerTemplate) at `file.path`, where handlerFile() says a new
// handler goes, executable for custom runtimes. False with a message when the handler names nothing a
// template can define, or the file cannot be written.
bool writeStarter(const Function &function, const HandlerFile &file, QString *error);

} // namespace gatehouse::codefiles
