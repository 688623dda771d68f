// Specification of File > Open Recent's list: newest first, at most ten, only folders that still
// hold a project.
#include "RecentProjects.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestRecentProjects : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_projects = nullptr;

    QString project(const QString &name) {
        return test::writeProjectFile(m_projects->filePath(name),
                                      "{ \"formatVersion\": 1, \"name\": \"p\" }");
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }
    void init() {
        m_projects = new QTemporaryDir;
        RecentProjects::clear();
    }
    void cleanup() { delete m_projects; }

    void newestComesFirstWithoutDuplicates() {
        const QString a = project(QStringLiteral("a"));
        const QString b = project(QStringLiteral("b"));
        RecentProjects::add(a);
        RecentProjects::add(b);
        RecentProjects::add(
            QDir(a).filePath(QStringLiteral("gatehouse.json"))); // the file names the same folder
        QCOMPARE(RecentProjects::entries(), (QStringList{a, b}));
    }

    void keepsAtMostTen() {
        QStringList added;
        for (int i = 0; i < 12; ++i) {
            added.prepend(project(QStringLiteral("p%1").arg(i)));
            RecentProjects::add(added.first());
        }
        QCOMPARE(RecentProjects::entries().size(), RecentProjects::kMaxEntries);
        QCOMPARE(RecentProjects::entries(), added.mid(0, RecentProjects::kMaxEntries));
    }

    void forgetsProjectsThatNoLongerExist() {
        const QString a = project(QStringLiteral("a"));
        const QString gone = project(QStringLiteral("gone"));
        RecentProjects::add(a);
        RecentProjects::add(gone);
        QVERIFY(QDir(gone).removeRecursively());
        QCOMPARE(RecentProjects::entries(), QStringList{a});
        QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList(), QStringList{a});
    }
};

QTEST_MAIN(TestRecentProjects)
#include "tst_recentprojects.moc"
