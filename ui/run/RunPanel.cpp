#include "RunPanel.h"

#include "cloud/CloudRunner.h"
#include "cloud/LocalCloud.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
enum Column { NameColumn, KindColumn, UrlColumn, CopyColumn };
}

RunPanel::RunPanel(CloudRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_state(new QLabel(this))
    , m_runButton(new QToolButton(this))
    , m_message(new QLabel(this))
    , m_endpoints(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("runPanel"));
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_runButton, &QToolButton::clicked, this, [this] {
        if (m_runner->state() == CloudRunner::State::Stopped)
            emit runRequested();
        else
            emit stopRequested();
    });
    m_state->setObjectName(QStringLiteral("runState"));
    m_message->setObjectName(QStringLiteral("runMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_endpoints->setObjectName(QStringLiteral("runEndpoints"));
    m_endpoints->setColumnCount(4);
    m_endpoints->setHeaderLabels({tr("Endpoint"), tr("Kind"), tr("URL"), QString()});
    m_endpoints->setRootIsDecorated(false);
    m_endpoints->setSelectionMode(QAbstractItemView::SingleSelection);
    m_endpoints->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_endpoints->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_endpoints->header()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_endpoints->header()->setSectionResizeMode(CopyColumn, QHeaderView::ResizeToContents);
    m_endpoints->header()->setStretchLastSection(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_runButton);
    top->addWidget(m_state, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_endpoints, 1);

    connect(runner, &CloudRunner::stateChanged, this, &RunPanel::updateState);
    connect(runner, &CloudRunner::started, this, [this](const QJsonObject &endpoints) {
        m_message->hide();
        showEndpoints(endpoints);
    });
    connect(runner, &CloudRunner::updated, this, [this] { showEndpoints(m_runner->endpoints()); });
    connect(runner, &CloudRunner::stopped, this, [this] { m_endpoints->clear(); });
    connect(runner, &CloudRunner::startFailed, this, [this](const QStringList &errors) {
        showMessage(tr("Could not start:\n%1").arg(errors.join(QLatin1Char('\n'))), true);
    });
    updateState();
}

QString RunPanel::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

void RunPanel::showMessage(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #C03030; }") : QString());
    m_message->show();
}

void RunPanel::updateState() {
    switch (m_runner->state()) {
    case CloudRunner::State::Stopped:
        m_state->setText(tr("Stopped"));
        m_runButton->setText(tr("Run"));
        m_runButton->setEnabled(true);
        break;
    case CloudRunner::State::Starting:
        m_state->setText(tr("Starting\u2026"));
        m_runButton->setText(tr("Stop"));
        m_runButton->setEnabled(true);
        break;
    case CloudRunner::State::Running:
        m_state->setText(tr("Running on this machine (127.0.0.1)"));
        m_runButton->setText(tr("Stop"));
        m_runButton->setEnabled(true);
        break;
    case CloudRunner::State::Stopping:
        m_state->setText(tr("Stopping\u2026"));
        m_runButton->setEnabled(false);
        break;
    }
}

void RunPanel::addEndpoint(const QString &name, const QString &kind, const QString &url) {
    auto *item = new QTreeWidgetItem(m_endpoints, {name, kind, url});
    item->setToolTip(UrlColumn, url);
    auto *copy = new QToolButton(m_endpoints);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy %1 to the clipboard").arg(url));
    copy->setAutoRaise(true);
    connect(copy, &QToolButton::clicked, this, [url] { QApplication::clipboard()->setText(url); });
    m_endpoints->setItemWidget(item, CopyColumn, copy);
}

QString RunPanel::kindLabel(const QString &type) {
    const std::optional<ApiType> apiType = apiTypeFromString(type);
    return apiType ? apiTypeLabel(*apiType) : type;
}

void RunPanel::showEndpoints(const QJsonObject &endpoints) {
    m_endpoints->clear();
    for (const QJsonValue &value : endpoints.value(QStringLiteral("apis")).toArray()) {
        const QJsonObject api = value.toObject();
        const QString name = api.value(QStringLiteral("name")).toString();
        const QString type = kindLabel(api.value(QStringLiteral("type")).toString());
        const QJsonArray stages = api.value(QStringLiteral("stages")).toArray();
        if (stages.isEmpty()) addEndpoint(name, type, api.value(QStringLiteral("url")).toString());
        for (const QJsonValue &stageValue : stages) {
            const QJsonObject stage = stageValue.toObject();
            addEndpoint(
                QStringLiteral("%1 \u00b7 %2").arg(name, stage.value(QStringLiteral("name")).toString()),
                type, stage.value(QStringLiteral("url")).toString());
        }
    }
    const QString invoke = endpoints.value(QStringLiteral("invokeApi")).toString();
    if (!invoke.isEmpty()) addEndpoint(tr("Lambda Invoke API"), tr("Invoke"), invoke);
    const QString metrics =
        endpoints.value(QStringLiteral("admin")).toObject().value(QStringLiteral("metrics")).toString();
    if (!metrics.isEmpty()) addEndpoint(tr("Metrics"), tr("Prometheus"), metrics);
    const QString s3 =
        endpoints.value(QStringLiteral("s3")).toObject().value(QStringLiteral("url")).toString();
    if (!s3.isEmpty()) addEndpoint(tr("Buckets"), tr("S3 API"), s3);
    const QString sqs =
        endpoints.value(QStringLiteral("sqs")).toObject().value(QStringLiteral("url")).toString();
    if (!sqs.isEmpty()) addEndpoint(tr("Queues"), tr("SQS API"), sqs);
}

} // namespace gatehouse
