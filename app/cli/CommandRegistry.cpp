#include "CommandRegistry.h"

#include "Console.h"
#include "ExportCommand.h"
#include "GenerateEventCommand.h"
#include "ImportCommand.h"
#include "InvokeCommand.h"
#include "LoadCommand.h"
#include "SendMessageCommand.h"
#include "ServeCommand.h"
#include "TestCommand.h"
#include "ValidateCommand.h"

#include <QCoreApplication>

namespace gatehouse::cli {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}
} // namespace

const QList<Command> &commands() {
    // Every subcommand registers here.
    static const QList<Command> list = {validateCommand(),      serveCommand(),  invokeCommand(),
                                        testCommand(),          exportCommand(), importCommand(),
                                        generateEventCommand(), loadCommand(),   sendMessageCommand()};
    return list;
}

const Command *findCommand(const QString &name) {
    for (const Command &c : commands())
        if (c.name == name) return &c;
    return nullptr;
}

QString versionText() {
    return QStringLiteral("gatehouse %1 (Qt %2)")
        .arg(QStringLiteral(GATEHOUSE_VERSION), QString::fromLatin1(qVersion()));
}

QString helpText() {
    QString text = tr("Usage: gatehouse [PROJECT]          open the studio (GUI) on a project\n"
                      "       gatehouse COMMAND [ARGS...]  run a command without a window\n\n"
                      "Commands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1\n      %2\n").arg(c.synopsis, c.summary);
    text += tr("\nOptions:\n"
               "  -h, --help     show this help (COMMAND --help for a command's options)\n"
               "  -v, --version  show the version\n\n"
               "With no PROJECT the GUI opens a writable copy of the bundled sample project.");
    return text;
}

std::optional<int> runHeadless(const QStringList &arguments) {
    if (arguments.isEmpty()) return std::nullopt;
    const QString first = arguments.first();
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        printOut(helpText());
        return Success;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        printOut(versionText());
        return Success;
    }
    if (const Command *command = findCommand(first)) return command->run(arguments.mid(1));
    if (first.startsWith(QLatin1Char('-'))) return usageError(tr("unknown option '%1'").arg(first));
    return std::nullopt; // a project path for the GUI
}

} // namespace gatehouse::cli
