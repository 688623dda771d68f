// Project folders on disk: loading by folder or file, atomic saves, failures that keep the old file.
#include "TestSupport.h"
#include "io/ProjectFile.h"

#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace gatehouse;

class TestProjectFile : public QObject {
    Q_OBJECT
private slots:
    void loadsByFolderOrByFile() {
        const auto byFolder = ProjectFile::load(test::samplePath());
        const auto byFile = ProjectFile::load(test::samplePath() + QStringLiteral("/gatehouse.json"));
        QVERIFY(byFolder.readable && byFile.readable);
        QVERIFY(byFolder.project == byFile.project);
        QCOMPARE(byFolder.folder, QFileInfo(test::samplePath()).absoluteFilePath());
    }

    void missingProjectIsAClearError() {
        QTemporaryDir dir;
        const auto loaded = ProjectFile::load(dir.path());
        QVERIFY(!loaded.readable);
        QCOMPARE(loaded.diagnostics[0].message, QStringLiteral("no such file"));
        QVERIFY(loaded.diagnostics[0].hint.contains(QStringLiteral("not a Gatehouse project")));
    }

    void saveWritesAndReloadsEqual() {
        QTemporaryDir dir;
        const auto loaded = ProjectFile::load(test::samplePath());
        QString error;
        const QString folder = dir.filePath(QStringLiteral("nested/new"));
        QVERIFY2(ProjectFile::save(loaded.project, folder, &error), qPrintable(error));
        const auto again = ProjectFile::load(folder);
        QVERIFY(again.readable);
        QVERIFY(again.project == loaded.project);
        // No temporary files are left beside the project file.
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("gatehouse.json")});
    }

    void failedSaveKeepsThePreviousFile() {
        if (::geteuid() == 0) QSKIP("root ignores directory permissions");
        QTemporaryDir dir;
        Project p;
        p.name = QStringLiteral("first");
        QVERIFY(ProjectFile::save(p, dir.path(), nullptr));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        p.name = QStringLiteral("second");
        QString error;
        QVERIFY(!ProjectFile::save(p, dir.path(), &error));
        QVERIFY(!error.isEmpty());
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(ProjectFile::load(dir.path()).project.name, QStringLiteral("first"));
    }

    void saveIntoAFileInsteadOfAFolderFails() {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QString error;
        QVERIFY(!ProjectFile::save(Project{}, blocker, &error));
        QVERIFY(error.contains(QStringLiteral("cannot create folder")));
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
