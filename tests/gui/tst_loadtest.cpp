// Run > Load Test… on the bundled sample: the dialog starts the local cloud itself, sends a saved request
// a set number of times while its progress bar fills, then shows the count per status code, the latency
// percentiles and the projected cost naming the function reached; cancel stops a duration run.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "TestSupport.h"
#include "cloud/CloudRunner.h"
#include "loadtest/LoadTestDialog.h"
#include "loadtest/LoadTestResultsView.h"
#include "testing/LoadTest.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

constexpr int kRunTimeoutMs = 60000;

void setSpinValue(QSpinBox *box, int value) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
}

QString cell(const QTableWidget *table, int row, int column) {
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestLoadTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    std::unique_ptr<MainWindow> sampleWindow() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        if (!test::copyTree(test::samplePath(), folder)) return {};
        auto window = AppStartup::createMainWindow(folder);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return {};
        return window;
    }

    LoadTestDialog *openDialog(MainWindow *window) {
        QAction *action = window->findChild<QAction *>(QStringLiteral("loadTestAction"));
        if (!action) return nullptr;
        action->trigger();
        LoadTestDialog *dialog = window->loadTestDialog();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog)) return nullptr;
        return dialog;
    }

private slots:
    void initTestCase() { QVERIFY(test::prepareMainWindowTests(m_settings.path())); }
    void init() {
        DialogSeams::clear();
        m_dir = new QTemporaryDir;
    }
    void cleanup() {
        DialogSeams::clear();
        delete m_dir;
    }

    void aCountRunStartsTheCloudFillsTheBarAndShowsTheResults() {
        const auto window = sampleWindow();
        QVERIFY(window);
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
        LoadTestDialog *dialog = openDialog(window.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->requestBox()->currentText(), QStringLiteral("Say hello")); // the first saved request
        QCOMPARE(dialog->environmentBox()->currentText(), QStringLiteral("local"));
        QVERIFY(!dialog->cancelButton()->isEnabled());

        QTest::mouseClick(dialog->countMode(), Qt::LeftButton);
        QVERIFY(dialog->countBox()->isEnabled());
        QVERIFY(!dialog->durationBox()->isEnabled());
        setSpinValue(dialog->countBox(), 30);
        setSpinValue(dialog->concurrencyBox(), 3);
        QCOMPARE(dialog->countBox()->value(), 30);
        QCOMPARE(dialog->concurrencyBox()->value(), 3);

        QSignalSpy finished(dialog, &LoadTestDialog::runFinished);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QVERIFY(!dialog->startButton()->isEnabled());
        QVERIFY(finished.wait(kRunTimeoutMs));
        QCOMPARE(window->runner()->state(), CloudRunner::State::Running); // started for the run

        QCOMPARE(dialog->progressBar()->maximum(), 30);
        QCOMPARE(dialog->progressBar()->value(), 30);
        QCOMPARE(dialog->loadTest()->result().completed, 30LL);
        const QTableWidget *responses = dialog->results()->responseTable();
        QCOMPARE(responses->rowCount(), 1);
        QCOMPARE(cell(responses, 0, 0), QStringLiteral("HTTP 200"));
        QCOMPARE(cell(responses, 0, 1), QStringLiteral("30"));
        const QTableWidget *latency = dialog->results()->latencyTable();
        QCOMPARE(latency->rowCount(), 6);
        QCOMPARE(cell(latency, 0, 0), QStringLiteral("p50"));
        QCOMPARE(cell(latency, 4, 0), QStringLiteral("max"));
        QVERIFY(dialog->results()->summary()->text().startsWith(QStringLiteral("30 requests in ")));
        const QString cost = dialog->results()->costLabel()->text();
        QVERIFY2(cost.contains(QStringLiteral("Function: hello.")), qPrintable(cost));
        QVERIFY2(cost.contains(QStringLiteral("Route: hello-http GET /hello.")), qPrintable(cost));
        QVERIFY2(cost.startsWith(QStringLiteral("Projected cost: ")), qPrintable(cost));
        QCOMPARE(dialog->statusLabel()->text(), QStringLiteral("Done."));
        QVERIFY(dialog->startButton()->isEnabled());
        QVERIFY(!dialog->cancelButton()->isEnabled());
        QCoreApplication::sendPostedEvents(); // lay out the new texts before the grab
        if (qEnvironmentVariableIsSet("GATEHOUSE_SHOT"))
            dialog->grab().save(qEnvironmentVariable("GATEHOUSE_SHOT"));

        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kRunTimeoutMs);
        QVERIFY(DialogSeams::shown().isEmpty());
    }

    void cancelStopsADurationRun() {
        const auto window = sampleWindow();
        QVERIFY(window);
        LoadTestDialog *dialog = openDialog(window.get());
        QVERIFY(dialog);
        setSpinValue(dialog->durationBox(), 600);
        QSignalSpy finished(dialog, &LoadTestDialog::runFinished);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->cancelButton()->isEnabled(), kRunTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->progressBar()->value() > 0, kRunTimeoutMs);
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kRunTimeoutMs));
        QVERIFY(dialog->loadTest()->result().cancelled);
        QCOMPARE(dialog->statusLabel()->text(), QStringLiteral("Cancelled."));
        QVERIFY(dialog->progressBar()->value() < dialog->progressBar()->maximum());
        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kRunTimeoutMs);
    }

    void aProjectWithoutSavedRequestsCannotStart() {
        const auto window = sampleWindow();
        QVERIFY(window);
        QVERIFY(window->session()->newProject());
        LoadTestDialog *dialog = openDialog(window.get());
        QVERIFY(dialog);
        // A new project has no saved requests: Start stays off.
        QCOMPARE(dialog->requestBox()->count(), 0);
        QVERIFY(!dialog->startButton()->isEnabled());
    }
};

QTEST_MAIN(TestLoadTest)
#include "tst_loadtest.moc"
