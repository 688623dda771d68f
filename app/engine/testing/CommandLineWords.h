// Splits a pasted command line into the words its program would receive, following the shell it was
// copied for: bash (quotes, backslashes, $'...' ANSI-C strings, "\" line continuations) or Windows
// cmd.exe plus the C runtime's argv rules ("^" escapes and continuations, "\"" inside "..."), the two
// forms of browsers' "Copy as cURL". Nothing is expanded or run: $VAR and `...` stay as written.
#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::testing {

struct CommandLineWords {
    QStringList words;
    QString error;       // non-empty: the text is not a complete command (an unbalanced quote, ...)
    QString ignoredTail; // what follows a control operator (| ; && > <): the shell runs it apart
};

// True for a cmd.exe copy: a line ending in the "^" continuation or a ^"quoted^" word.
bool looksLikeWindowsCommandLine(const QString &text);

CommandLineWords splitBashWords(const QString &text);
CommandLineWords splitWindowsWords(const QString &text);

// Either of the above, chosen by looksLikeWindowsCommandLine().
CommandLineWords splitCommandLine(const QString &text);

} // namespace gatehouse::testing
