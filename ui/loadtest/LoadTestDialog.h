// Run > Load Test…: pick one of the project's saved requests and an environment, set the concurrency and
// a duration or a count, and send it at the running local cloud (started first when it is not running);
// a progress bar runs meanwhile, then the percentiles, throughput, responses and projected cost show.
#pragma once

#include <QDialog>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace gatehouse {

class CloudRunner;
class LoadTestResultsView;
class ProjectDocument;
namespace testing {
class LoadCostMeasurement;
class LoadTest;
} // namespace testing

class LoadTestDialog : public QDialog {
    Q_OBJECT
public:
    LoadTestDialog(ProjectDocument *document, CloudRunner *runner, QWidget *parent = nullptr);
    ~LoadTestDialog() override;

    QComboBox *requestBox() const { return m_request; }
    QComboBox *environmentBox() const { return m_environment; }
    QSpinBox *concurrencyBox() const { return m_concurrency; }
    QRadioButton *countMode() const { return m_countMode; }
    QSpinBox *countBox() const { return m_count; }
    QSpinBox *durationBox() const { return m_duration; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    LoadTestResultsView *results() const { return m_results; }
    testing::LoadTest *loadTest() const { return m_test.get(); }

signals:
    // The local cloud is not running: the main window starts it (Run > Run Locally).
    void runRequested();
    // A run and its cost measurement are over.
    void runFinished();

private:
    void reloadChoices();
    void start();
    void startWhenRunning();
    void sendLoad();
    void showProgress(qint64 sent, qint64 completed, qint64 elapsedMs);
    void loadFinished();
    void costReady();
    void setBusy(bool busy);
    void fail(const QString &message);

    ProjectDocument *m_document;
    CloudRunner *m_runner;
    QComboBox *m_request;
    QComboBox *m_environment;
    QSpinBox *m_concurrency;
    QRadioButton *m_durationMode;
    QRadioButton *m_countMode;
    QSpinBox *m_duration;
    QSpinBox *m_count;
    QSpinBox *m_timeout;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    LoadTestResultsView *m_results;
    std::unique_ptr<testing::LoadTest> m_test;
    std::unique_ptr<testing::LoadCostMeasurement> m_cost;
    QString m_currency;
    bool m_waitingForCloud = false;
};

} // namespace gatehouse
