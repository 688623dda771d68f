#include "ComposerPage.h"

#include "AssertionEditor.h"
#include "AuthEditor.h"
#include "BodyEditor.h"
#include "CurlImportDialog.h"
#include "DialogSeams.h"
#include "EnvironmentsDialog.h"
#include "KeyValueTable.h"
#include "RequestHistory.h"
#include "ResponseView.h"
#include "UrlParams.h"
#include "cloud/CloudRunner.h"
#include "commands/ProjectSnapshotCommand.h"
#include "document/ProjectDocument.h"
#include "testing/CollectionRunner.h"
#include "testing/CurlCommand.h"
#include "testing/TestToken.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

const QStringList kMethods{QStringLiteral("GET"),    QStringLiteral("POST"),   QStringLiteral("PUT"),
                           QStringLiteral("PATCH"),  QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                           QStringLiteral("OPTIONS")};

void setLabelColour(QLabel *label, const QColor &colour) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

} // namespace

ComposerPage::ComposerPage(ProjectDocument *document, QUndoStack *undoStack, CloudRunner *runner,
                           RequestHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_undoStack(undoStack)
    , m_runner(runner)
    , m_history(history)
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_save(new QPushButton(tr("Save to Collection\u2026"), this))
    , m_environment(new QComboBox(this))
    , m_environments(new QPushButton(tr("Environments\u2026"), this))
    , m_copyCurl(new QPushButton(tr("Copy as curl"), this))
    , m_importCurl(new QPushButton(tr("Import from curl\u2026"), this))
    , m_tabs(new QTabWidget(this))
    , m_params(new KeyValueTable(tr("Parameter"), this))
    , m_headers(new KeyValueTable(tr("Header"), this))
    , m_body(new BodyEditor(this))
    , m_auth(new AuthEditor(this))
    , m_assertions(new AssertionEditor(this))
    , m_response(new ResponseView(this))
    , m_historyList(new QListWidget(this)) {
    setObjectName(QStringLiteral("composerPage"));
    buildLayout();

    connect(m_url, &QLineEdit::textEdited, this, &ComposerPage::urlEdited);
    connect(m_params, &KeyValueTable::rowsEdited, this, &ComposerPage::paramsEdited);
    connect(m_method, &QComboBox::currentTextChanged, this, [this] { emit titleChanged(title()); });
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ComposerPage::updateHint);
    connect(m_send, &QPushButton::clicked, this, &ComposerPage::send);
    connect(m_save, &QPushButton::clicked, this, &ComposerPage::saveToCollection);
    connect(m_environments, &QPushButton::clicked, this, &ComposerPage::editEnvironments);
    connect(m_copyCurl, &QPushButton::clicked, this, &ComposerPage::copyAsCurl);
    connect(m_importCurl, &QPushButton::clicked, this, &ComposerPage::importFromCurl);
    connect(m_auth, &AuthEditor::makeTestTokenRequested, this, &ComposerPage::makeTestToken);
    connect(m_historyList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { restoreHistoryEntry(m_historyList->row(item)); });
    connect(m_historyList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { restoreHistoryEntry(m_historyList->row(item)); });
    connect(m_auth, &AuthEditor::edited, this, &ComposerPage::updateHint);
    connect(m_assertions, &AssertionEditor::summaryChanged, this, [this](const QString &summary) {
        m_tabs->setTabText(TestsTab, summary.isEmpty() ? tr("Tests") : tr("Tests (%1)").arg(summary));
    });
    connect(m_document, &ProjectDocument::changed, this, &ComposerPage::refreshEnvironments);
    connect(m_document, &ProjectDocument::projectReplaced, this, &ComposerPage::refreshEnvironments);
    connect(m_history, &RequestHistory::changed, this, &ComposerPage::refreshHistory);
    if (m_runner) connect(m_runner, &CloudRunner::stateChanged, this, &ComposerPage::updateHint);

    // Ctrl+Enter sends from anywhere in the tab, the body editor included.
    auto *sendAction = new QAction(tr("Send"), this);
    sendAction->setObjectName(QStringLiteral("sendRequestAction"));
    sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(sendAction, &QAction::triggered, this, &ComposerPage::send);
    addAction(sendAction);
    // Not Ctrl+S: that stays File > Save, which saves the whole project.
    auto *saveAction = new QAction(tr("Save to Collection"), this);
    saveAction->setObjectName(QStringLiteral("saveToCollectionAction"));
    saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &ComposerPage::saveToCollection);
    addAction(saveAction);
    m_save->setToolTip(tr("Add this request to the project's collection, or update the one of the same "
                          "name (%1)")
                           .arg(saveAction->shortcut().toString(QKeySequence::NativeText)));
    m_send->setToolTip(
        tr("Send the request (%1)").arg(sendAction->shortcuts().value(0).toString(QKeySequence::NativeText)));

    refreshEnvironments();
    refreshHistory();
    setRequest(ComposerRequest());
}

void ComposerPage::buildLayout() {
    m_method->setObjectName(QStringLiteral("composerMethod"));
    m_method->setEditable(true); // any token is a method (RFC 9110 §9.1)
    m_method->addItems(kMethods);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->setMinimumContentsLength(8);
    m_url->setObjectName(QStringLiteral("composerUrl"));
    m_url->setPlaceholderText(tr("{{baseUrl}}/path?name=value"));
    m_url->setClearButtonEnabled(true);
    m_hint->setObjectName(QStringLiteral("composerUrlHint"));
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setWordWrap(true);
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_send->setDefault(true);
    m_save->setObjectName(QStringLiteral("composerSave"));
    m_environment->setObjectName(QStringLiteral("composerEnvironment"));
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_environments->setObjectName(QStringLiteral("composerEditEnvironments"));
    m_copyCurl->setObjectName(QStringLiteral("composerCopyCurl"));
    m_importCurl->setObjectName(QStringLiteral("composerImportCurl"));
    m_copyCurl->setToolTip(tr("Copy the request, variables filled in, as a curl command line"));
    m_importCurl->setToolTip(tr("Fill the composer from a pasted curl command line"));
    m_params->setObjectName(QStringLiteral("composerParams"));
    m_headers->setObjectName(QStringLiteral("composerHeaders"));
    m_tabs->setObjectName(QStringLiteral("composerRequestTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_params, tr("Params"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_auth, tr("Auth"));
    m_tabs->addTab(m_assertions, tr("Tests"));
    m_historyList->setObjectName(QStringLiteral("composerHistory"));
    m_historyList->setUniformItemSizes(true);
    m_historyList->setToolTip(tr("Click a request to load it again"));

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_method);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_send);
    urlRow->addWidget(m_save);
    auto *envRow = new QHBoxLayout;
    envRow->addWidget(new QLabel(tr("Environment:"), this));
    envRow->addWidget(m_environment);
    envRow->addWidget(m_environments);
    envRow->addStretch(1);
    envRow->addWidget(m_importCurl);
    envRow->addWidget(m_copyCurl);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_tabs);
    vertical->addWidget(m_response);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);

    auto *historySide = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historySide);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *clear = new QPushButton(tr("Clear"), historySide);
    clear->setObjectName(QStringLiteral("composerClearHistory"));
    auto *historyTop = new QHBoxLayout;
    historyTop->addWidget(new QLabel(tr("History"), historySide));
    historyTop->addStretch(1);
    historyTop->addWidget(clear);
    historyLayout->addLayout(historyTop);
    historyLayout->addWidget(m_historyList, 1);
    connect(clear, &QPushButton::clicked, this, [this] {
        QString error;
        if (!m_history->clear(&error)) emit statusMessage(error);
    });

    auto *horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->addWidget(vertical);
    horizontal->addWidget(historySide);
    horizontal->setStretchFactor(0, 1);
    horizontal->setStretchFactor(1, 0);
    horizontal->setSizes({800, 200});
    // The URL gets the whole width; the history sits beside the request and its response.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(urlRow);
    layout->addWidget(m_hint);
    layout->addLayout(envRow);
    layout->addWidget(horizontal, 1);
}

ComposerRequest ComposerPage::request() const {
    ComposerRequest r;
    r.name = m_name;
    r.method = m_method->currentText().trimmed();
    r.url = m_url->text();
    r.headers = m_headers->rows();
    m_body->store(r);
    m_auth->store(r);
    r.assertions = m_assertions->assertions();
    return r;
}

void ComposerPage::setRequest(const ComposerRequest &r) {
    const QScopedValueRollback loading(m_loading, true);
    m_name = r.name;
    m_method->setCurrentText(r.method.isEmpty() ? QStringLiteral("GET") : r.method);
    m_url->setText(r.url);
    m_params->setRows(urlparams::paramsOf(r.url));
    m_headers->setRows(r.headers);
    m_body->load(r);
    m_auth->load(r);
    m_assertions->setAssertions(r.assertions);
    updateHint();
    emit titleChanged(title());
}

QString ComposerPage::title() const {
    if (!m_name.isEmpty()) return m_name;
    return tr("New Request");
}

void ComposerPage::urlEdited() {
    // The table follows the URL; unticked rows are not in the URL, so they are kept as they were.
    ComposerRows rows = urlparams::paramsOf(m_url->text());
    for (const ComposerRow &row : m_params->rows())
        if (!row.enabled) rows.append(row);
    m_params->setRows(rows);
    updateHint();
}

void ComposerPage::paramsEdited() {
    m_url->setText(urlparams::withParams(m_url->text(), m_params->rows()));
    updateHint();
}

testing::VariableMap ComposerPage::variables() const {
    testing::VariableMap environment;
    const int index = m_environment->currentIndex() - 1; // 0 is "No environment"
    const QList<VariableSet> &sets = m_document->project().environments;
    if (index >= 0 && index < sets.size()) environment = testing::environmentVariables(sets[index]);
    // As `gatehouse test` does: while the project runs here, its APIs are where it listens now.
    const testing::VariableMap builtIns = m_runner && m_runner->isRunning()
                                              ? testing::localEndpointVariables(m_runner->endpoints())
                                              : testing::VariableMap();
    return testing::runVariables(environment, builtIns);
}

void ComposerPage::updateHint() {
    const QString url = m_url->text().trimmed();
    const testing::Substitution s = testing::substituteVariables(url, variables());
    if (!s.unknown.isEmpty()) {
        QStringList names;
        for (const QString &name : s.unknown)
            names.append(QStringLiteral("{{%1}}").arg(name));
        m_hint->setText(tr("Unknown variable: %1 (pick an environment, define it with Environments\u2026, or "
                           "Run the project for its API URLs)")
                            .arg(names.join(QStringLiteral(", "))));
        setLabelColour(m_hint, QColor(0xD0, 0x3B, 0x3B));
        m_hint->show();
    } else if (s.text != url) {
        m_hint->setText(tr("\u2192 %1").arg(s.text));
        setLabelColour(m_hint, palette().color(QPalette::PlaceholderText));
        m_hint->show();
    } else {
        m_hint->clear();
        m_hint->hide();
    }
}

void ComposerPage::refreshEnvironments() {
    const QString current = m_environment->currentIndex() > 0 ? m_environment->currentText() : QString();
    const bool first = m_environment->count() == 0;
    const QSignalBlocker blocker(m_environment);
    m_environment->clear();
    m_environment->addItem(tr("No environment"));
    for (const VariableSet &set : m_document->project().environments)
        m_environment->addItem(set.name);
    int index = current.isEmpty() ? 0 : m_environment->findText(current);
    // A new tab starts in the project's first environment (the sample's "local").
    if (first && m_environment->count() > 1) index = 1;
    m_environment->setCurrentIndex(qMax(0, index));
    updateHint();
}

void ComposerPage::refreshHistory() {
    m_historyList->clear();
    for (const HistoryEntry &entry : m_history->entries()) {
        const QString status = entry.status > 0 ? QString::number(entry.status) : tr("no response");
        auto *item = new QListWidgetItem(
            tr("%1 %2 \u2014 %3").arg(entry.request.method, entry.request.url, status), m_historyList);
        item->setToolTip(tr("Sent at %1 (%2 ms)")
                             .arg(QLocale().toString(entry.sentAt, QLocale::ShortFormat))
                             .arg(entry.elapsedMs));
    }
}

void ComposerPage::restoreHistoryEntry(int row) {
    if (row < 0 || row >= m_history->entries().size()) return;
    setRequest(m_history->entries().at(row).request);
    m_response->clear();
    emit statusMessage(tr("Loaded the request from the history"));
}

void ComposerPage::setSending(bool sending) {
    m_sending = sending;
    m_send->setText(sending ? tr("Cancel") : tr("Send"));
}

void ComposerPage::send() {
    if (m_sending) {
        cancel();
        return;
    }
    const ComposerRequest sent = request();
    const ComposedRequest composed = sent.compose(variables(), m_timeoutMs);
    if (!composed.error.isEmpty()) {
        m_response->showError(composed.error);
        m_assertions->showNotChecked(composed.error);
        return;
    }
    setSending(true);
    m_response->showSending(QString::fromUtf8(composed.request.method), composed.url);
    m_sender.send(composed.request, [this, sent, composed](const testing::HttpExchange &exchange) {
        finishSend(sent, composed, exchange);
    });
}

void ComposerPage::cancel() {
    if (!m_sending) return;
    m_sender.abortAll(); // the callback does not run
    setSending(false);
    m_response->showError(tr("Cancelled before a response arrived."));
    m_assertions->showNotChecked(tr("cancelled"));
}

void ComposerPage::finishSend(const ComposerRequest &sent, const ComposedRequest &composed,
                              const testing::HttpExchange &exchange) {
    setSending(false);
    m_response->showExchange(exchange);
    SavedRequest checks;
    checks.assertions = sent.assertions;
    testing::PreparedRequest prepared;
    prepared.request = composed.request;
    prepared.url = composed.url;
    const testing::RequestOutcome outcome = testing::judgeExchange(checks, prepared, exchange);
    if (!outcome.error.isEmpty())
        m_assertions->showNotChecked(outcome.error);
    else
        m_assertions->showOutcomes(outcome.assertions);
    QString error;
    if (!m_history->add({QDateTime::currentDateTime(), sent, exchange.status, exchange.elapsedMs}, &error))
        emit statusMessage(tr("The request history was not saved: %1").arg(error));
}

bool ComposerPage::saveToCollection() {
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("saveRequestDialog"));
    dialog.setWindowTitle(tr("Save to Collection"));
    dialog.setLabelText(tr("Request name (a request of the same name is replaced):"));
    QString suggestion = m_name;
    if (suggestion.isEmpty())
        suggestion = QStringLiteral("%1 %2").arg(m_method->currentText(),
                                                 m_url->text().section(QLatin1Char('?'), 0, 0));
    dialog.setTextValue(suggestion.trimmed());
    if (DialogSeams::exec(dialog) != QDialog::Accepted) return false;
    const QString name = dialog.textValue().trimmed();
    if (name.isEmpty()) {
        emit statusMessage(tr("Not saved: a saved request needs a name."));
        return false;
    }
    ComposerRequest r = request();
    r.name = name;
    QString error;
    SavedRequest saved = r.toSavedRequest(&error);
    if (!error.isEmpty()) {
        emit statusMessage(tr("Not saved: %1").arg(error));
        return false;
    }
    const Project before = m_document->project();
    Project after = before;
    qsizetype index = -1;
    for (qsizetype i = 0; i < after.requests.size(); ++i)
        if (after.requests[i].name == name) index = i;
    if (index >= 0) {
        saved.unknown = after.requests[index].unknown; // keys a newer Gatehouse wrote stay
        after.requests[index] = saved;
    } else {
        after.requests.append(saved);
    }
    m_name = name;
    emit titleChanged(title());
    if (after == before) {
        emit statusMessage(tr("Request %1 is already saved with no changes").arg(name));
        return true;
    }
    const QString text = index >= 0 ? tr("Update request %1").arg(name) : tr("Save request %1").arg(name);
    m_undoStack->push(new ProjectSnapshotCommand(m_document, before, after, text));
    emit statusMessage(text);
    return true;
}

QString ComposerPage::copyAsCurl() {
    const ComposerRequest r = request();
    const ComposedRequest composed = r.compose(variables(), m_timeoutMs);
    QString command;
    if (composed.error.isEmpty()) {
        command = testing::toCurlCommand(composed.request);
    } else {
        // Unknown variables stay as written, so the command shows what is missing.
        QString error;
        const SavedRequest saved = r.toSavedRequest(&error);
        if (!error.isEmpty()) {
            emit statusMessage(tr("Not copied: %1").arg(error));
            return {};
        }
        command = testing::toCurlCommand(saved, variables());
    }
    QApplication::clipboard()->setText(command);
    emit statusMessage(tr("Copied the request as a curl command"));
    return command;
}

bool ComposerPage::importFromCurl() {
    CurlImportDialog dialog(this);
    if (DialogSeams::exec(dialog) != QDialog::Accepted || !dialog.result().request) return false;
    ComposerRequest r = ComposerRequest::fromSavedRequest(*dialog.result().request);
    r.name.clear(); // a new request until it is saved
    setRequest(r);
    m_response->clear();
    const QStringList &ignored = dialog.result().ignoredOptions;
    emit statusMessage(
        ignored.isEmpty()
            ? tr("Imported the curl command")
            : tr("Imported the curl command; left out: %1").arg(ignored.join(QStringLiteral(", "))));
    return true;
}

bool ComposerPage::makeTestToken() {
    QList<const Authorizer *> jwt;
    for (const Authorizer &authorizer : m_document->project().authorizers)
        if (authorizer.type == AuthorizerType::Jwt) jwt.append(&authorizer);
    if (jwt.isEmpty()) {
        emit statusMessage(tr("No test token: the project has no JWT authorizer."));
        return false;
    }
    const Authorizer *chosen = jwt.first();
    if (jwt.size() > 1) {
        QInputDialog dialog(this);
        dialog.setObjectName(QStringLiteral("tokenAuthorizerDialog"));
        dialog.setWindowTitle(tr("Make Test Token"));
        dialog.setLabelText(tr("A token for the JWT authorizer:"));
        QStringList names;
        for (const Authorizer *authorizer : jwt)
            names.append(authorizer->name);
        dialog.setComboBoxItems(names);
        if (DialogSeams::exec(dialog) != QDialog::Accepted) return false;
        chosen = jwt.value(names.indexOf(dialog.textValue()), chosen);
    }
    testing::TestTokenResult token =
        testing::makeTestToken(*chosen, m_document->folder(), testing::TestTokenRequest());
    const QString authorizerName = chosen->name;
    if (token.token.isEmpty() && offerLocalTestKeys(authorizerName, token.error)) {
        for (const Authorizer &authorizer : m_document->project().authorizers)
            if (authorizer.name == authorizerName)
                token = testing::makeTestToken(authorizer, m_document->folder(), testing::TestTokenRequest());
    }
    if (token.token.isEmpty()) {
        emit statusMessage(tr("No test token for %1: %2").arg(chosen->name, token.error));
        m_response->showError(tr("No test token for %1: %2").arg(chosen->name, token.error));
        return false;
    }
    ComposerRequest r = request();
    r.authMode = ComposerRequest::AuthMode::Bearer;
    r.bearerToken = token.token;
    m_auth->load(r);
    emit statusMessage(
        tr("A %1 test token for authorizer %2, valid for an hour").arg(token.algorithm, chosen->name));
    return true;
}

bool ComposerPage::offerLocalTestKeys(const QString &authorizerName, const QString &why) {
    // Only the identity provider holds the private key of a real key set: a token the local gateway
    // accepts needs a key pair of our own, which replaces the authorizer's key set — the user's call.
    if (m_document->folder().isEmpty()) return false;
    const QMessageBox::StandardButton answer = DialogSeams::question(
        this, tr("Make Test Token"),
        tr("No test token for %1: %2\n\nCreate local test keys? Gatehouse makes an RSA key pair, keeps the "
           "private key in the project's .gatehouse/keys folder and points the authorizer's key set at the "
           "public key, so that the local gateway accepts the tokens it signs (and no longer those of the "
           "real identity provider). Edit > Undo points it back.")
            .arg(authorizerName, why),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) return false;
    const testing::LocalKeySetup keys = testing::createLocalTestKeys(authorizerName, m_document->folder());
    if (!keys.error.isEmpty()) {
        m_response->showError(tr("No local test keys for %1: %2").arg(authorizerName, keys.error));
        return false;
    }
    const Project before = m_document->project();
    Project after = before;
    for (Authorizer &authorizer : after.authorizers)
        if (authorizer.name == authorizerName) authorizer.jwksUri = keys.jwksRelativePath;
    m_undoStack->push(new ProjectSnapshotCommand(m_document, before, after,
                                                 tr("Use local test keys for %1").arg(authorizerName)));
    return true;
}

void ComposerPage::editEnvironments() {
    EnvironmentsDialog dialog(m_document->project().environments, this);
    if (DialogSeams::exec(dialog) != QDialog::Accepted) return;
    const Project before = m_document->project();
    Project after = before;
    after.environments = dialog.environments();
    if (after == before) return;
    m_undoStack->push(new ProjectSnapshotCommand(m_document, before, after, tr("Edit environments")));
}

} // namespace gatehouse
