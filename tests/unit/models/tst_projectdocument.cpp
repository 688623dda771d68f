// ProjectDocument: precise change notifications, modified state that follows undo, safe open.
#include "TestSupport.h"
#include "document/ProjectDocument.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

class TestProjectDocument : public QObject {
    Q_OBJECT
private slots:
    void openingAProjectAnnouncesReplacement() {
        ProjectDocument doc;
        QSignalSpy replaced(&doc, &ProjectDocument::projectReplaced);
        QVERIFY(doc.open(test::samplePath()));
        QCOMPARE(replaced.count(), 1);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.project().name, QStringLiteral("hello-api"));
    }

    void failedOpenLeavesTheDocumentUntouched() {
        QTemporaryDir dir;
        test::writeProjectFile(dir.path(), "{ broken");
        ProjectDocument doc;
        QVERIFY(doc.open(test::samplePath()));
        Diagnostics why;
        QSignalSpy replaced(&doc, &ProjectDocument::projectReplaced);
        QVERIFY(!doc.open(dir.path(), &why));
        QCOMPARE(replaced.count(), 0);
        QCOMPARE(why.size(), 1);
        QCOMPARE(why[0].line, 1);
        QCOMPARE(doc.project().name, QStringLiteral("hello-api"));
    }

    void editingARouteReportsExactlyThatRoute() {
        ProjectDocument doc;
        QVERIFY(doc.open(test::samplePath()));
        QSignalSpy changed(&doc, &ProjectDocument::changed);
        Project p = doc.project();
        p.apis[0].routes[1].path = QStringLiteral("/things/{id}");
        doc.setProject(p);
        QCOMPARE(changed.count(), 1);
        const auto change = changed.at(0).at(0).value<ProjectChange>();
        QVERIFY(!change.structureChanged);
        QCOMPARE(change.changed.size(), 1);
        QVERIFY((change.changed[0] == EntityRef{EntityKind::Route, 0, 1}));
    }

    void addingAFunctionIsAStructureChange() {
        ProjectDocument doc;
        QVERIFY(doc.open(test::samplePath()));
        QSignalSpy changed(&doc, &ProjectDocument::changed);
        Project p = doc.project();
        p.functions.append(Function{});
        doc.setProject(p);
        QVERIFY(changed.at(0).at(0).value<ProjectChange>().structureChanged);
    }

    void settingTheSameValueIsSilent() {
        ProjectDocument doc;
        QVERIFY(doc.open(test::samplePath()));
        QSignalSpy changed(&doc, &ProjectDocument::changed);
        doc.setProject(doc.project());
        QCOMPARE(changed.count(), 0);
    }

    void modifiedFollowsTheContentNotTheHistory() {
        ProjectDocument doc;
        QVERIFY(doc.open(test::samplePath()));
        QSignalSpy modified(&doc, &ProjectDocument::modifiedChanged);
        const Project original = doc.project();
        Project edited = original;
        edited.functions[0].memoryMB = 512;
        doc.setProject(edited);
        QVERIFY(doc.isModified());
        doc.setProject(original); // what an undo does
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 2);
    }

    void saveAsMovesTheDocumentAndClearsModified() {
        QTemporaryDir dir;
        ProjectDocument doc;
        QVERIFY(doc.open(test::samplePath()));
        Project edited = doc.project();
        edited.name = QStringLiteral("renamed");
        doc.setProject(edited);
        QSignalSpy folder(&doc, &ProjectDocument::folderChanged);
        QString error;
        QVERIFY2(doc.saveAs(dir.path(), &error), qPrintable(error));
        QCOMPARE(folder.count(), 1);
        QVERIFY(!doc.isModified());
        ProjectDocument reopened;
        QVERIFY(reopened.open(dir.path()));
        QVERIFY(reopened.project() == doc.project());
    }

    void diagnosticPathsNameTheirEntity_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("subIndex");
        QTest::newRow("route") << "apis[0].routes[2].path" << int(EntityKind::Route) << 0 << 2;
        QTest::newRow("stage") << "apis[1].stages[0]" << int(EntityKind::Stage) << 1 << 0;
        QTest::newRow("api") << "apis[3].cors.maxAgeSeconds" << int(EntityKind::Api) << 3 << -1;
        QTest::newRow("function") << "functions[7].memoryMB" << int(EntityKind::Function) << 7 << -1;
        QTest::newRow("queue") << "queues[1]" << int(EntityKind::Queue) << 1 << -1;
        QTest::newRow("project") << "formatVersion" << int(EntityKind::Project) << -1 << -1;
    }
    void diagnosticPathsNameTheirEntity() {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(int, index);
        QFETCH(int, subIndex);
        const EntityRef ref = entityRefFromJsonPath(path);
        QCOMPARE(int(ref.kind), kind);
        QCOMPARE(ref.index, index);
        QCOMPARE(ref.subIndex, subIndex);
    }
};

QTEST_GUILESS_MAIN(TestProjectDocument)
#include "tst_projectdocument.moc"
