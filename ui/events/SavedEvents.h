// A function's saved test events, kept with the project as `.gatehouse/events/<function>/<name>.json`
// so that they travel with it (like the Lambda console's shareable test events): listed, read,
// written atomically and deleted. Names follow the console's rule for test event names.
#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace gatehouse {

class SavedEvents {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::SavedEvents)
public:
    explicit SavedEvents(const QString &projectFolder);

    // Why `name` cannot name a saved event, or empty. The Lambda console allows up to 25 letters,
    // digits, dots, hyphens and underscores (testing-functions.html, "Name" of a test event); a
    // leading dot is refused too, since it would hide the file.
    static QString nameProblem(const QString &name);

    QString folderOf(const QString &function) const;
    QString pathOf(const QString &function, const QString &name) const;
    // The function's saved events by name, sorted; none when the folder does not exist.
    QStringList names(const QString &function) const;
    std::optional<QByteArray> read(const QString &function, const QString &name, QString *error) const;
    // Replaces any event of that name; the file is written whole or not at all (QSaveFile).
    bool write(const QString &function, const QString &name, const QByteArray &json, QString *error) const;
    bool remove(const QString &function, const QString &name, QString *error) const;

private:
    QString m_folder;
};

} // namespace gatehouse
