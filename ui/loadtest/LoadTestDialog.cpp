#include "LoadTestDialog.h"

#include "LoadTestResultsView.h"
#include "cloud/CloudRunner.h"
#include "document/ProjectDocument.h"
#include "telemetry/CostMeter.h"
#include "testing/CollectionRunner.h"
#include "testing/LoadCost.h"
#include "testing/LoadTest.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse {

LoadTestDialog::LoadTestDialog(ProjectDocument *document, CloudRunner *runner, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_runner(runner)
    , m_request(new QComboBox(this))
    , m_environment(new QComboBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_durationMode(new QRadioButton(tr("&Duration"), this))
    , m_countMode(new QRadioButton(tr("Cou&nt"), this))
    , m_duration(new QSpinBox(this))
    , m_count(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_results(new LoadTestResultsView(this))
    , m_test(std::make_unique<testing::LoadTest>()) {
    setObjectName(QStringLiteral("loadTestDialog"));
    setWindowTitle(tr("Load Test"));
    m_request->setObjectName(QStringLiteral("loadTestRequest"));
    m_environment->setObjectName(QStringLiteral("loadTestEnvironment"));
    m_concurrency->setObjectName(QStringLiteral("loadTestConcurrency"));
    m_concurrency->setRange(1, testing::LoadTestOptions::kMaxConcurrency);
    m_concurrency->setValue(10);
    m_concurrency->setToolTip(tr("Requests in flight at once, each on a kept-alive connection of its own"));
    m_durationMode->setObjectName(QStringLiteral("loadTestDurationMode"));
    m_countMode->setObjectName(QStringLiteral("loadTestCountMode"));
    m_duration->setObjectName(QStringLiteral("loadTestDuration"));
    m_duration->setRange(1, 3600);
    m_duration->setValue(10);
    m_duration->setSuffix(tr(" s"));
    m_count->setObjectName(QStringLiteral("loadTestCount"));
    m_count->setRange(1, 10000000);
    m_count->setValue(1000);
    m_count->setSuffix(tr(" requests"));
    m_timeout->setObjectName(QStringLiteral("loadTestTimeout"));
    m_timeout->setRange(1, 900000);
    m_timeout->setValue(30000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setToolTip(tr("A request without a complete response by then counts as timed out"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_durationMode);
    modes->addButton(m_countMode);
    m_durationMode->setChecked(true);
    const auto updateModes = [this] {
        m_duration->setEnabled(m_durationMode->isChecked() && !m_test->isRunning());
        m_count->setEnabled(m_countMode->isChecked() && !m_test->isRunning());
    };
    connect(m_durationMode, &QRadioButton::toggled, this, updateModes);
    updateModes();

    auto *form = new QFormLayout;
    form->addRow(tr("&Request:"), m_request);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("C&oncurrency:"), m_concurrency);
    auto *duration = new QHBoxLayout;
    duration->addWidget(m_durationMode);
    duration->addWidget(m_duration, 1);
    duration->addWidget(m_countMode);
    duration->addWidget(m_count, 1);
    form->addRow(tr("Run for:"), duration);
    form->addRow(tr("&Timeout:"), m_timeout);

    m_start->setObjectName(QStringLiteral("loadTestStart"));
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("loadTestCancel"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &LoadTestDialog::start);
    connect(m_cancel, &QPushButton::clicked, m_test.get(), &testing::LoadTest::cancel);

    m_progress->setObjectName(QStringLiteral("loadTestProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setObjectName(QStringLiteral("loadTestStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);
    resize(600, 660);

    connect(m_test.get(), &testing::LoadTest::progress, this, &LoadTestDialog::showProgress);
    connect(m_test.get(), &testing::LoadTest::finished, this, &LoadTestDialog::loadFinished);
    connect(m_document, &ProjectDocument::projectReplaced, this, &LoadTestDialog::reloadChoices);
    connect(m_document, &ProjectDocument::changed, this, &LoadTestDialog::reloadChoices);
    connect(m_runner, &CloudRunner::started, this, [this] {
        if (m_waitingForCloud) startWhenRunning();
    });
    connect(m_runner, &CloudRunner::startFailed, this, [this](const QStringList &errors) {
        if (m_waitingForCloud) fail(tr("The local cloud did not start: %1").arg(errors.value(0)));
    });
    connect(m_runner, &CloudRunner::stateChanged, this, [this](CloudRunner::State state) {
        if (state == CloudRunner::State::Running || state == CloudRunner::State::Starting) return;
        // Its meters die with the cloud: no cost can be read any more.
        if (m_cost) {
            m_cost.reset();
            m_test->cancel();
            if (!m_test->isRunning()) fail(tr("The local cloud stopped during the run."));
        }
    });
    reloadChoices();
    setBusy(false);
}

LoadTestDialog::~LoadTestDialog() = default;

void LoadTestDialog::reloadChoices() {
    const Project &project = m_document->project();
    const QString request = m_request->currentText();
    const QString environment = m_environment->currentText();
    m_request->clear();
    for (const SavedRequest &saved : project.requests)
        m_request->addItem(saved.name);
    m_environment->clear();
    m_environment->addItem(tr("(none)"));
    for (const VariableSet &set : project.environments)
        m_environment->addItem(set.name);
    if (const int i = m_request->findText(request); i >= 0) m_request->setCurrentIndex(i);
    const int e = m_environment->findText(environment);
    m_environment->setCurrentIndex(e >= 0 ? e : (project.environments.isEmpty() ? 0 : 1));
    if (!m_test->isRunning() && !m_waitingForCloud) setBusy(false);
}

void LoadTestDialog::start() {
    if (m_test->isRunning() || m_waitingForCloud) return;
    if (m_request->currentIndex() < 0) {
        fail(tr("The project has no saved requests: save one from the request composer first."));
        return;
    }
    m_results->clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_waitingForCloud = true;
    setBusy(true);
    if (m_runner->isRunning()) {
        startWhenRunning();
        return;
    }
    m_status->setText(tr("Starting the local cloud\u2026"));
    if (m_runner->state() == CloudRunner::State::Stopped) emit runRequested();
    // The main window refuses to run an unsaved project; it says why in the Run panel.
    if (m_runner->state() == CloudRunner::State::Stopped)
        fail(tr("The local cloud could not be started: save the project first (see the Run panel)."));
}

void LoadTestDialog::startWhenRunning() {
    m_waitingForCloud = false;
    sendLoad();
}

void LoadTestDialog::sendLoad() {
    const Project &project = m_document->project();
    const int requestIndex = m_request->currentIndex();
    if (requestIndex < 0 || requestIndex >= project.requests.size()) {
        fail(tr("The chosen request is no longer in the project."));
        return;
    }
    const SavedRequest &saved = project.requests.at(requestIndex);
    testing::VariableMap environment;
    const int environmentIndex = m_environment->currentIndex() - 1; // 0 is "(none)"
    if (environmentIndex >= 0 && environmentIndex < project.environments.size())
        environment = testing::environmentVariables(project.environments.at(environmentIndex));
    testing::RunOptions run;
    run.timeoutMs = m_timeout->value();
    run.variables =
        testing::runVariables(environment, testing::localEndpointVariables(m_runner->endpoints()));
    const testing::PreparedRequest prepared = testing::prepareRequest(saved, run);
    if (!prepared.unknownVariables.isEmpty()) {
        fail(tr("No value for {{%1}} in \u201c%2\u201d: choose another environment.")
                 .arg(prepared.unknownVariables.join(QStringLiteral("}}, {{")), saved.name));
        return;
    }
    testing::LoadTestOptions options;
    options.request = prepared.request;
    options.concurrency = m_concurrency->value();
    if (m_countMode->isChecked())
        options.count = m_count->value();
    else
        options.durationMs = qint64(m_duration->value()) * 1000;
    m_progress->setRange(0, int(m_countMode->isChecked() ? options.count : options.durationMs));
    m_progress->setValue(0);

    if (m_runner->costMeter() && m_runner->metrics()) {
        m_currency = m_runner->costMeter()->pricing().currency;
        m_cost = std::make_unique<testing::LoadCostMeasurement>(m_runner->costMeter(), m_runner->metrics());
        connect(m_cost.get(), &testing::LoadCostMeasurement::ready, this, &LoadTestDialog::costReady);
        m_cost->begin();
    }
    QString error;
    if (!m_test->start(options, &error)) {
        m_cost.reset();
        fail(error);
        return;
    }
    m_status->setText(tr("Sending %1 %2\u2026").arg(QString::fromUtf8(options.request.method), prepared.url));
    setBusy(true);
}

void LoadTestDialog::showProgress(qint64 sent, qint64 completed, qint64 elapsedMs) {
    const testing::LoadTestOptions &options = m_test->options();
    if (options.count > 0) {
        m_progress->setValue(int(qMin(completed, options.count)));
        m_progress->setFormat(tr("%1 of %2").arg(completed).arg(options.count));
    } else {
        m_progress->setValue(int(qMin(elapsedMs, options.durationMs)));
        m_progress->setFormat(tr("%1 s, %2 requests").arg(elapsedMs / 1000).arg(completed));
    }
    Q_UNUSED(sent)
}

void LoadTestDialog::loadFinished() {
    const testing::LoadTestResult &result = m_test->result();
    if (!result.cancelled) m_progress->setValue(m_progress->maximum());
    m_results->showResult(result, m_test->options().concurrency);
    if (m_cost) {
        m_status->setText(tr("Reading what the local cloud recorded\u2026"));
        m_cost->finish(result.requestsPerSecond());
        return;
    }
    m_results->showCost(std::nullopt, m_currency, tr("No cost projection: the local cloud stopped."));
    m_status->setText(result.cancelled ? tr("Cancelled.") : tr("Done."));
    setBusy(false);
    emit runFinished();
}

void LoadTestDialog::costReady() {
    m_results->showCost(m_cost->projection(), m_currency);
    m_cost.reset();
    m_status->setText(m_test->result().cancelled ? tr("Cancelled.") : tr("Done."));
    setBusy(false);
    emit runFinished();
}

void LoadTestDialog::setBusy(bool busy) {
    m_start->setEnabled(!busy && m_request->count() > 0);
    m_cancel->setEnabled(busy && m_test->isRunning());
    for (QWidget *w : {static_cast<QWidget *>(m_request), static_cast<QWidget *>(m_environment),
                       static_cast<QWidget *>(m_concurrency), static_cast<QWidget *>(m_durationMode),
                       static_cast<QWidget *>(m_countMode), static_cast<QWidget *>(m_timeout)})
        w->setEnabled(!busy);
    m_duration->setEnabled(!busy && m_durationMode->isChecked());
    m_count->setEnabled(!busy && m_countMode->isChecked());
}

void LoadTestDialog::fail(const QString &message) {
    m_waitingForCloud = false;
    m_status->setText(message);
    setBusy(m_test->isRunning());
}

} // namespace gatehouse
