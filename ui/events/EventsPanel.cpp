#include "EventsPanel.h"

#include "DialogSeams.h"
#include "EventTemplateChoice.h"
#include "InvocationResultView.h"
#include "SavedEvents.h"
#include "cloud/CloudRunner.h"
#include "document/ProjectDocument.h"
#include "editor/CodeEditor.h"
#include "io/JsonText.h"
#include "run/CloudStartGate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
constexpr int kValidateDelayMs = 250;
const QString kEventFile = QStringLiteral("event.json"); // picks the JSON lexer
} // namespace

EventsPanel::EventsPanel(ProjectDocument *document, CloudRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(runner)
    , m_gate(new CloudStartGate(runner, this))
    , m_function(new QComboBox(this))
    , m_template(new QComboBox(this))
    , m_saved(new QComboBox(this))
    , m_save(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_editor(new CodeEditor(this))
    , m_jsonError(new QLabel(this))
    , m_invoke(new QPushButton(tr("Invoke"), this))
    , m_invokeAsync(new QPushButton(tr("Invoke Async"), this))
    , m_notice(new QLabel(this))
    , m_result(new InvocationResultView(this)) {
    setObjectName(QStringLiteral("eventsPanel"));
    m_function->setObjectName(QStringLiteral("eventFunction"));
    m_function->setToolTip(tr("The function to invoke"));
    m_function->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_template->setObjectName(QStringLiteral("eventTemplate"));
    m_template->setToolTip(tr("Start the event from a template (the ones gatehouse generate-event prints)"));
    for (const EventTemplateChoice &choice : EventTemplateChoices::all())
        m_template->addItem(choice.label, int(choice.kind));
    m_saved->setObjectName(QStringLiteral("savedEvent"));
    m_saved->setEditable(true);
    m_saved->setInsertPolicy(QComboBox::NoInsert);
    m_saved->lineEdit()->setPlaceholderText(tr("Event name"));
    m_saved->setToolTip(tr("Saved events of this function, kept in the project under .gatehouse/events"));
    m_saved->setMinimumContentsLength(16);
    m_save->setObjectName(QStringLiteral("saveEvent"));
    m_save->setText(tr("Save"));
    m_save->setToolTip(tr("Save the event under this name"));
    m_delete->setObjectName(QStringLiteral("deleteEvent"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the saved event of this name"));
    m_editor->setObjectName(QStringLiteral("eventEditor"));
    m_jsonError->setObjectName(QStringLiteral("eventJsonError"));
    m_jsonError->setStyleSheet(QStringLiteral("color: #c62828"));
    m_jsonError->setWordWrap(true);
    m_jsonError->hide();
    m_invoke->setObjectName(QStringLiteral("invokeEvent"));
    m_invoke->setToolTip(tr("Invoke synchronously (RequestResponse) and wait for the result"));
    m_invokeAsync->setObjectName(QStringLiteral("invokeEventAsync"));
    m_invokeAsync->setToolTip(tr("Invoke asynchronously (Event): accepted at once, run from the queue"));
    m_notice->setObjectName(QStringLiteral("eventNotice"));
    m_notice->setWordWrap(true);

    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(new QLabel(tr("Function:"), this));
    pickRow->addWidget(m_function);
    pickRow->addWidget(new QLabel(tr("Template:"), this));
    pickRow->addWidget(m_template, 1);
    auto *savedRow = new QHBoxLayout;
    savedRow->addWidget(new QLabel(tr("Saved event:"), this));
    savedRow->addWidget(m_saved, 1);
    savedRow->addWidget(m_save);
    savedRow->addWidget(m_delete);
    auto *invokeRow = new QHBoxLayout;
    invokeRow->addWidget(m_invoke);
    invokeRow->addWidget(m_invokeAsync);
    invokeRow->addWidget(m_notice, 1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(pickRow);
    leftLayout->addLayout(savedRow);
    leftLayout->addWidget(m_editor, 1);
    leftLayout->addWidget(m_jsonError);
    leftLayout->addLayout(invokeRow);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_result);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);

    m_validateDelay.setSingleShot(true);
    m_validateDelay.setInterval(kValidateDelayMs);
    connect(&m_validateDelay, &QTimer::timeout, this, &EventsPanel::validate);
    connect(m_editor, &QsciScintilla::textChanged, &m_validateDelay, qOverload<>(&QTimer::start));
    connect(m_template, &QComboBox::activated, this, &EventsPanel::applyTemplate);
    connect(m_function, &QComboBox::currentIndexChanged, this, [this] {
        refreshSaved();
        updateButtons();
    });
    connect(m_saved, &QComboBox::activated, this, [this](int index) { loadSaved(m_saved->itemText(index)); });
    connect(m_save, &QToolButton::clicked, this, &EventsPanel::saveEvent);
    connect(m_delete, &QToolButton::clicked, this, &EventsPanel::deleteEvent);
    connect(m_invoke, &QPushButton::clicked, this, [this] { invoke(InvokeOptions::Type::RequestResponse); });
    connect(m_invokeAsync, &QPushButton::clicked, this, [this] { invoke(InvokeOptions::Type::Event); });
    connect(m_result, &InvocationResultView::showInLogsRequested, this, &EventsPanel::showInLogsRequested);

    connect(document, &ProjectDocument::projectReplaced, this, &EventsPanel::refreshFunctions);
    connect(document, &ProjectDocument::changed, this, &EventsPanel::refreshFunctions);
    connect(document, &ProjectDocument::folderChanged, this, [this] {
        refreshSaved();
        updateButtons();
    });
    // An Event's outcome: the invoker reports it when the function has run.
    connect(runner, &CloudRunner::invocationFinished, this, [this](const InvocationResult &result) {
        if (m_awaiting && result.asynchronous && result.requestId == m_awaitedRequestId) finish(result);
    });
    // The invoker drops the callbacks of a cloud that stops: nothing will arrive any more.
    connect(runner, &CloudRunner::stateChanged, this, [this](CloudRunner::State state) {
        if (state == CloudRunner::State::Running || !m_awaiting || m_gate->isWaiting()) return;
        if (m_awaitedRequestId.isEmpty()) return;
        m_awaiting = false;
        ++m_generation;
        m_result->showError(tr("The local cloud stopped before the invocation finished."));
    });
    connect(m_gate, &CloudStartGate::failed, this, [this](const QString &message) {
        if (!m_awaiting) return;
        m_awaiting = false;
        m_result->showError(message);
    });

    refreshFunctions();
    applyTemplate();
}

QString EventsPanel::jsonError() const {
    return m_jsonError->isVisible() ? m_jsonError->text() : QString();
}

QString EventsPanel::notice() const {
    return m_notice->text();
}

void EventsPanel::setNotice(const QString &text, bool error) {
    m_notice->setText(text);
    m_notice->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
}

void EventsPanel::refreshFunctions() {
    const QString current = m_function->currentData().toString();
    QStringList names;
    for (const Function &function : m_document->project().functions)
        names.append(function.name);
    QStringList shown;
    for (int i = 0; i < m_function->count(); ++i)
        shown.append(m_function->itemData(i).toString());
    if (names == shown) return;
    {
        const QSignalBlocker blocker(m_function);
        m_function->clear();
        for (const QString &name : names)
            m_function->addItem(name, name);
        m_function->setCurrentIndex(std::max(0, int(names.indexOf(current))));
    }
    refreshSaved();
    updateButtons();
}

void EventsPanel::refreshSaved() {
    const QString typed = m_saved->currentText();
    const QSignalBlocker blocker(m_saved);
    m_saved->clear();
    const QString function = m_function->currentData().toString();
    if (m_document->hasFolder() && !function.isEmpty())
        m_saved->addItems(SavedEvents(m_document->folder()).names(function));
    m_saved->setCurrentIndex(-1);
    m_saved->setEditText(typed);
}

void EventsPanel::updateButtons() {
    const bool hasFunction = !m_function->currentData().toString().isEmpty();
    m_invoke->setEnabled(hasFunction);
    m_invokeAsync->setEnabled(hasFunction);
    const bool canSave = hasFunction && m_document->hasFolder();
    m_save->setEnabled(canSave);
    m_delete->setEnabled(canSave);
    if (!m_document->hasFolder())
        m_save->setToolTip(tr("Save the project first: saved events are kept in its folder."));
    else
        m_save->setToolTip(tr("Save the event under this name"));
}

void EventsPanel::applyTemplate() {
    const auto kind = EventTemplateKind(m_template->currentData().toInt());
    m_editor->setCode(kEventFile, QString::fromUtf8(EventTemplateChoices::eventFor(
                                      kind, m_document->project(), m_function->currentData().toString())));
    validate();
}

void EventsPanel::loadSaved(const QString &name) {
    const QString function = m_function->currentData().toString();
    QString error;
    const std::optional<QByteArray> text = SavedEvents(m_document->folder()).read(function, name, &error);
    if (!text) {
        setNotice(error, true);
        return;
    }
    m_editor->setCode(kEventFile, QString::fromUtf8(*text));
    validate();
    setNotice(tr("Loaded %1").arg(name), false);
}

QString EventsPanel::checkJson(const QByteArray &text) const {
    if (text.trimmed().isEmpty()) return tr("The event is empty: write a JSON value such as {}.");
    Diagnostics diagnostics;
    if (parseJsonText(text, kEventFile, diagnostics)) return {};
    const Diagnostic problem = diagnostics.value(0);
    if (problem.line > 0)
        return tr("Line %1, column %2: %3").arg(problem.line).arg(problem.column).arg(problem.message);
    return problem.message;
}

void EventsPanel::validate() {
    m_validateDelay.stop();
    const QString error = checkJson(m_editor->text().toUtf8());
    m_jsonError->setText(error);
    m_jsonError->setVisible(!error.isEmpty());
}

void EventsPanel::saveEvent() {
    const QString function = m_function->currentData().toString();
    const QString name = m_saved->currentText().trimmed();
    if (function.isEmpty() || !m_document->hasFolder()) return;
    if (const QString problem = SavedEvents::nameProblem(name); !problem.isEmpty()) {
        setNotice(problem, true);
        return;
    }
    const QByteArray text = m_editor->text().toUtf8();
    validate();
    if (!checkJson(text).isEmpty()) {
        setNotice(tr("Not saved: the event is not valid JSON."), true);
        return;
    }
    QString error;
    if (!SavedEvents(m_document->folder()).write(function, name, text, &error)) {
        setNotice(error, true);
        return;
    }
    refreshSaved();
    m_saved->setCurrentIndex(m_saved->findText(name));
    setNotice(tr("Saved %1 for %2").arg(name, function), false);
}

void EventsPanel::deleteEvent() {
    const QString function = m_function->currentData().toString();
    const QString name = m_saved->currentText().trimmed();
    if (function.isEmpty() || !m_document->hasFolder()) return;
    if (m_saved->findText(name) < 0) {
        setNotice(tr("%1 has no saved event named \u201c%2\u201d.").arg(function, name), true);
        return;
    }
    // A file on disk, outside the undo history: ask first.
    if (DialogSeams::question(this, tr("Delete Saved Event"),
                              tr("Delete the saved event \u201c%1\u201d of %2?").arg(name, function),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    QString error;
    if (!SavedEvents(m_document->folder()).remove(function, name, &error)) {
        setNotice(error, true);
        return;
    }
    m_saved->setEditText(QString());
    refreshSaved();
    setNotice(tr("Deleted %1").arg(name), false);
}

void EventsPanel::invoke(InvokeOptions::Type type) {
    const QString function = m_function->currentData().toString();
    if (function.isEmpty()) {
        m_result->showError(tr("The project has no function to invoke."));
        return;
    }
    const QByteArray payload = m_editor->text().toUtf8();
    validate();
    if (const QString error = checkJson(payload); !error.isEmpty()) {
        m_result->showError(tr("Not invoked: the event is not valid JSON (%1)").arg(error));
        return;
    }
    if (!m_document->hasFolder()) {
        m_result->showError(tr("Save the project first: its functions' code lives in its folder."));
        return;
    }
    const quint64 generation = ++m_generation;
    m_awaiting = true;
    m_awaitedRequestId.clear();
    m_result->showPending(m_runner->isRunning() ? tr("Invoking %1\u2026").arg(function)
                                                : tr("Starting the local cloud\u2026"));
    m_gate->whenRunning([this, function, payload, type, generation] {
        if (generation == m_generation) send(function, payload, type);
    });
}

void EventsPanel::send(const QString &function, const QByteArray &payload, InvokeOptions::Type type) {
    m_result->showPending(tr("Invoking %1\u2026").arg(function));
    InvokeOptions options;
    options.type = type;
    const quint64 generation = m_generation;
    const QString requestId = m_runner->invoke(
        function, payload, options, this, [this, generation, type](const InvocationResult &result) {
            if (generation != m_generation || !m_awaiting) return;
            if (type == InvokeOptions::Type::Event && !result.isPlatformError())
                m_result->showAccepted(result); // the outcome follows as invocationFinished
            else
                finish(result);
        });
    if (requestId.isEmpty()) {
        m_awaiting = false;
        m_result->showError(tr("The local cloud is not running."));
        return;
    }
    m_awaitedRequestId = requestId;
}

void EventsPanel::finish(const InvocationResult &result) {
    m_awaiting = false;
    QStringList lines = result.logLines;
    if (lines.isEmpty() && m_runner->logs())
        for (const LogRecord &record : m_runner->logs()->forRequest(result.requestId))
            lines.append(record.message);
    m_result->showResult(result, lines);
}

} // namespace gatehouse
