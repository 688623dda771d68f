// Specification of the diagnostics table model: one row per problem, located by JSON path, and the
// reasons a project could not be opened shown alongside until the next successful open.
#include "TestSupport.h"
#include "document/ProjectDocument.h"
#include "itemmodels/DiagnosticsModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {
// The sample with one value of the wrong type (an error) and one unknown key (a warning).
QString flawedSample(const QTemporaryDir &dir) {
    const QString folder = dir.filePath(QStringLiteral("flawed"));
    test::copyTree(test::samplePath(), folder);
    QFile file(QDir(folder).filePath(QStringLiteral("gatehouse.json")));
    file.open(QIODevice::ReadOnly);
    QByteArray text = file.readAll();
    file.close();
    const QByteArray memory = "\"memoryMB\": 256,"; // getItem's, the first of three
    text.replace(text.indexOf(memory), memory.size(), "\"memoryMB\": \"lots\",");
    text.replace("\"name\": \"hello-api\",", "\"name\": \"hello-api\", \"colour\": \"blue\",");
    test::writeProjectFile(folder, text);
    return folder;
}
} // namespace

class TestDiagnosticsModel : public QObject {
    Q_OBJECT
private slots:
    void rowsFollowTheDocumentsDiagnostics() {
        QTemporaryDir dir;
        ProjectDocument document;
        DiagnosticsModel model(&document);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &DiagnosticsModel::countsChanged);

        QVERIFY(document.open(flawedSample(dir)));
        QCOMPARE(model.rowCount(), int(document.diagnostics().size()));
        QCOMPARE(model.errorCount(), 1);
        QVERIFY(model.warningCount() >= 1);
        QVERIFY(!counts.isEmpty());

        int errorRow = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.diagnosticAt(r).isError()) errorRow = r;
        QVERIFY(errorRow >= 0);
        const QModelIndex severity = model.index(errorRow, DiagnosticsModel::SeverityColumn);
        QCOMPARE(severity.data().toString(), QStringLiteral("Error"));
        QVERIFY(!severity.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(errorRow, DiagnosticsModel::LocationColumn).data().toString(),
                 QStringLiteral("functions[1].memoryMB"));
        QCOMPARE(severity.data(DiagnosticsModel::JsonPathRole).toString(),
                 QStringLiteral("functions[1].memoryMB"));
        QVERIFY(model.index(errorRow, DiagnosticsModel::MessageColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("integer")));
        QCOMPARE(model.headerData(DiagnosticsModel::HintColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Hint"));
    }

    void openFailureIsShownUntilTheNextOpen() {
        QTemporaryDir dir;
        ProjectDocument document;
        DiagnosticsModel model(&document);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString broken = test::writeProjectFile(dir.filePath(QStringLiteral("broken")), "{ \"name\": ");
        Diagnostics reasons;
        QVERIFY(!document.open(broken, &reasons));
        model.setOpenFailure(reasons);
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.diagnosticAt(0), reasons.first());
        QCOMPARE(model.index(0, DiagnosticsModel::LocationColumn)
                     .data()
                     .toString()
                     .startsWith(QStringLiteral("gatehouse.json")),
                 true);

        QVERIFY(test::copyTree(test::samplePath(), dir.filePath(QStringLiteral("good"))));
        QVERIFY(document.open(dir.filePath(QStringLiteral("good"))));
        QCOMPARE(model.rowCount(), int(document.diagnostics().size()));
    }
};

QTEST_MAIN(TestDiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
