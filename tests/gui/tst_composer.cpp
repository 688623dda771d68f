// The request composer (issue #7, point 1) driven through its widgets against a small HTTP server in the
// test: {{variables}} from an environment, params kept in sync with the URL, send and the response views,
// cancelling a slow request, unknown variables and refused connections shown in place, saving into the
// collection with undo, the history file and restoring from it, and assertion results.
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "compose/AssertionEditor.h"
#include "compose/AuthEditor.h"
#include "compose/BodyEditor.h"
#include "compose/ComposerPage.h"
#include "compose/CurlImportDialog.h"
#include "compose/EnvironmentsDialog.h"
#include "compose/KeyValueTable.h"
#include "compose/RequestHistory.h"
#include "compose/ResponseView.h"
#include "document/ProjectDocument.h"
#include "editor/CodeEditor.h"
#include "editor/CodeTabs.h"

#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace gatehouse;

namespace {

constexpr int kWaitMs = 10000;
const QByteArray kJsonBody(R"({"message":"hello","items":[1,2,3],"nested":{"z":1,"a":2}})");

// One request as the server read it.
struct SeenRequest {
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
        return {};
    }
};

// A loopback HTTP/1.1 server with a few fixed answers: /json (a JSON body and an x-test header), /echo
// (what it received, as JSON), /image (a PNG) and /slow (never answers).
class TinyServer : public QTcpServer {
public:
    QList<SeenRequest> seen;

    TinyServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

private:
    void onData(QTcpSocket *socket) {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        socket->setProperty("buffer", buffer);
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        SeenRequest request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0) continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0) length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length) return;
        request.body = buffer.mid(end + 4, length);
        socket->setProperty("buffer", buffer.mid(end + 4 + length));
        seen.append(request);
        const QByteArray path = request.target.split('?').value(0);
        if (path == "/slow") return;
        QByteArray type = "application/json";
        QByteArray body;
        QByteArray extra;
        if (path == "/json") {
            body = kJsonBody;
            extra = "x-test: yes\r\n";
        } else if (path == "/image") {
            QImage image(8, 6, QImage::Format_RGB32);
            image.fill(Qt::red);
            QBuffer png(&body);
            png.open(QIODevice::WriteOnly);
            image.save(&png, "PNG");
            type = "image/png";
        } else {
            QJsonObject echo{
                {QStringLiteral("method"), QString::fromLatin1(request.method)},
                {QStringLiteral("target"), QString::fromLatin1(request.target)},
                {QStringLiteral("authorization"), QString::fromLatin1(request.header("authorization"))},
                {QStringLiteral("contentType"), QString::fromLatin1(request.header("content-type"))},
                {QStringLiteral("body"), QString::fromUtf8(request.body)}};
            body = QJsonDocument(echo).toJson(QJsonDocument::Compact);
        }
        socket->write("HTTP/1.1 " + QByteArray(path == "/missing" ? "404 Not Found" : "200 OK") +
                      "\r\ncontent-type: " + type + "\r\n" + extra +
                      "content-length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
};

QString cellText(const QTableWidget *table, int row, int column) {
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

bool tableHasRow(const QTableWidget *table, const QString &name, const QString &value) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (cellText(table, row, 0).compare(name, Qt::CaseInsensitive) == 0 &&
            cellText(table, row, 1) == value)
            return true;
    return false;
}

} // namespace

class TestComposer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;
    TinyServer *m_server = nullptr;

    // A window on a project (saved in a folder) whose "local" environment points at the test server.
    std::unique_ptr<MainWindow> window() {
        auto window = std::make_unique<MainWindow>();
        Project project;
        project.name = QStringLiteral("composer-test");
        VariableSet local;
        local.name = QStringLiteral("local");
        local.variables = {{QStringLiteral("base"), m_server->url()},
                           {QStringLiteral("token"), QStringLiteral("s3cret")}};
        project.environments = {local};
        window->document()->reset(project, m_dir->path());
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return {};
        return window;
    }

    static void typeUrl(ComposerPage *page, const QString &url) {
        page->urlEdit()->selectAll();
        QTest::keyClick(page->urlEdit(), Qt::Key_Delete);
        QTest::keyClicks(page->urlEdit(), url);
    }

    static void sendAndWait(ComposerPage *page) {
        QTest::mouseClick(page->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isSending(), kWaitMs);
    }

private slots:
    void initTestCase() { QVERIFY(test::prepareMainWindowTests(m_settings.path())); }

    void init() {
        DialogSeams::clear();
        m_dir = new QTemporaryDir;
        m_server = new TinyServer;
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }

    void cleanup() {
        DialogSeams::clear();
        delete m_server;
        delete m_dir;
    }

    void newRequestOpensAComposerTab() {
        const auto w = window();
        QVERIFY(w);
        const int before = w->codeTabs()->count();
        QTest::keyClick(w.get(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(w->codeTabs()->count(), before + 1);
        auto *page = qobject_cast<ComposerPage *>(w->codeTabs()->currentWidget());
        QVERIFY(page);
        QCOMPARE(w->codeTabs()->tabText(w->codeTabs()->currentIndex()), QStringLiteral("New Request"));
        // The project's first environment is chosen; "No environment" is always offered.
        QCOMPARE(page->environmentBox()->currentText(), QStringLiteral("local"));
        QCOMPARE(page->environmentBox()->itemText(0), QStringLiteral("No environment"));
        // Its close button closes it.
        QVERIFY(w->codeTabs()->closeTab(w->codeTabs()->currentIndex()));
        QCOMPARE(w->codeTabs()->count(), before);
    }

    void paramsTableAndUrlFollowEachOther() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/json?a=1&b"));
        KeyValueTable *params = page->paramsTable();
        QCOMPARE(params->rows(), (ComposerRows{{true, QStringLiteral("a"), QStringLiteral("1")},
                                               {true, QStringLiteral("b"), QString()}}));
        // Table -> URL: a changed value, a new row typed into the blank one, an unticked row.
        params->item(0, KeyValueTable::ValueColumn)->setText(QStringLiteral("2"));
        QCOMPARE(page->urlEdit()->text(), QStringLiteral("{{base}}/json?a=2&b"));
        params->item(2, KeyValueTable::NameColumn)->setText(QStringLiteral("c"));
        params->item(2, KeyValueTable::ValueColumn)->setText(QStringLiteral("{{token}}"));
        QCOMPARE(page->urlEdit()->text(), QStringLiteral("{{base}}/json?a=2&b&c={{token}}"));
        params->item(1, KeyValueTable::EnabledColumn)->setCheckState(Qt::Unchecked);
        QCOMPARE(page->urlEdit()->text(), QStringLiteral("{{base}}/json?a=2&c={{token}}"));
        // URL -> table: the unticked row stays in the table.
        QTest::keyClicks(page->urlEdit(), QStringLiteral("&d=4"));
        const ComposerRows rows = params->rows();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(2), (ComposerRow{true, QStringLiteral("d"), QStringLiteral("4")}));
        QCOMPARE(rows.at(3), (ComposerRow{false, QStringLiteral("b"), QString()}));
        // The hint shows the URL with the environment's values.
        QCOMPARE(page->urlHint()->text(),
                 QStringLiteral("\u2192 %1/json?a=2&c=s3cret&d=4").arg(m_server->url()));
    }

    void sendShowsStatusBodyHeadersTimeAndSize() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/json?q=1"));
        sendAndWait(page);
        QCOMPARE(m_server->seen.size(), 1);
        QCOMPARE(m_server->seen[0].target, QByteArray("/json?q=1"));
        ResponseView *response = page->responseView();
        QCOMPARE(response->statusLabel()->text(), QStringLiteral("200"));
        QVERIFY(response->timeLabel()->text().endsWith(QStringLiteral(" ms")));
        QCOMPARE(response->sizeLabel()->text(), QStringLiteral("%1 B").arg(kJsonBody.size()));
        QVERIFY(response->errorLabel()->isHidden());
        // Pretty JSON, keys in the order they came, with folding; the raw text as it came.
        const QString pretty = response->prettyBody()->text();
        QVERIFY2(pretty.contains(QStringLiteral("\"message\": \"hello\"")), qPrintable(pretty));
        QVERIFY(pretty.indexOf(QStringLiteral("\"z\"")) < pretty.indexOf(QStringLiteral("\"a\"")));
        QCOMPARE(response->prettyBody()->language(), CodeEditor::Language::Json);
        QVERIFY(response->prettyBody()->isReadOnly());
        QVERIFY(response->prettyBody()->folding() != QsciScintilla::NoFoldStyle);
        QVERIFY(response->rawBody()->toPlainText().startsWith(QStringLiteral("{\"message\":\"hello\"")));
        QVERIFY(tableHasRow(response->headersTable(), QStringLiteral("x-test"), QStringLiteral("yes")));
        QVERIFY(!response->tabs()->isTabEnabled(ResponseView::PreviewTab));

        // Ctrl+Enter sends too, from the body editor.
        page->bodyEditor()->modeBox()->setCurrentIndex(int(ComposerRequest::BodyMode::Raw));
        page->methodBox()->setCurrentText(QStringLiteral("POST"));
        typeUrl(page, QStringLiteral("{{base}}/echo"));
        page->bodyEditor()->rawEditor()->setFocus();
        page->bodyEditor()->rawEditor()->setText(QStringLiteral("{\"ping\": \"{{token}}\"}"));
        QTest::keyClick(page->bodyEditor()->rawEditor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->seen.size(), 2, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isSending(), kWaitMs);
        QCOMPARE(m_server->seen[1].method, QByteArray("POST"));
        QCOMPARE(m_server->seen[1].body, QByteArray("{\"ping\": \"s3cret\"}"));
        QCOMPARE(m_server->seen[1].header("content-type"), QByteArray("application/json"));
        QCOMPARE(page->bodyEditor()->rawEditor()->text(), QStringLiteral("{\"ping\": \"{{token}}\"}"));
    }

    void authHelpersAndFormBodyReachTheServer() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/echo"));
        page->requestTabs()->setCurrentIndex(ComposerPage::AuthTab);
        AuthEditor *auth = page->authEditor();
        auth->modeBox()->setCurrentIndex(int(ComposerRequest::AuthMode::Bearer));
        QTest::keyClicks(auth->bearerTokenEdit(), QStringLiteral("{{token}}"));
        sendAndWait(page);
        QCOMPARE(m_server->seen.last().header("authorization"), QByteArray("Bearer s3cret"));

        auth->modeBox()->setCurrentIndex(int(ComposerRequest::AuthMode::Basic));
        QTest::keyClicks(auth->findChild<QLineEdit *>(QStringLiteral("basicUser")), QStringLiteral("ann"));
        QTest::keyClicks(auth->findChild<QLineEdit *>(QStringLiteral("basicPassword")), QStringLiteral("pw"));
        sendAndWait(page);
        QCOMPARE(m_server->seen.last().header("authorization"), "Basic " + QByteArray("ann:pw").toBase64());

        auth->modeBox()->setCurrentIndex(int(ComposerRequest::AuthMode::ApiKey));
        QTest::keyClicks(auth->findChild<QLineEdit *>(QStringLiteral("apiKeyValue")), QStringLiteral("k-1"));
        page->methodBox()->setCurrentText(QStringLiteral("PUT"));
        page->bodyEditor()->modeBox()->setCurrentIndex(int(ComposerRequest::BodyMode::Form));
        KeyValueTable *form = page->bodyEditor()->formTable();
        form->item(0, KeyValueTable::NameColumn)->setText(QStringLiteral("full name"));
        form->item(0, KeyValueTable::ValueColumn)->setText(QStringLiteral("Ann & co"));
        sendAndWait(page);
        QCOMPARE(m_server->seen.last().method, QByteArray("PUT"));
        QCOMPARE(m_server->seen.last().header("x-api-key"), QByteArray("k-1"));
        QCOMPARE(m_server->seen.last().header("content-type"),
                 QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(m_server->seen.last().body, QByteArray("full%20name=Ann%20%26%20co"));
    }

    void fileBodyIsSentAsItsBytes() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        const QString path = m_dir->filePath(QStringLiteral("blob.bin"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray bytes("\x00\x01\xff binary", 10);
        file.write(bytes);
        file.close();
        page->methodBox()->setCurrentText(QStringLiteral("POST"));
        typeUrl(page, QStringLiteral("{{base}}/echo"));
        page->bodyEditor()->modeBox()->setCurrentIndex(int(ComposerRequest::BodyMode::File));
        DialogSeams::queueFileName(path);
        QTest::mouseClick(page->bodyEditor()->findChild<QPushButton *>(QStringLiteral("chooseBodyFile")),
                          Qt::LeftButton);
        QCOMPARE(page->bodyEditor()->fileEdit()->text(), path);
        sendAndWait(page);
        QCOMPARE(m_server->seen.last().body, bytes);
    }

    void imageResponsesArePreviewed() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/image"));
        sendAndWait(page);
        ResponseView *response = page->responseView();
        QVERIFY(response->tabs()->isTabEnabled(ResponseView::PreviewTab));
        QCOMPARE(response->tabs()->currentIndex(), int(ResponseView::PreviewTab));
        QCOMPARE(response->imagePreview()->pixmap().size(), QSize(8, 6));
    }

    void aSlowRequestCanBeCancelled() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/slow"));
        QTest::mouseClick(page->sendButton(), Qt::LeftButton);
        QVERIFY(page->isSending());
        QCOMPARE(page->sendButton()->text(), QStringLiteral("Cancel"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->seen.size(), 1, kWaitMs); // it did reach the server
        QTest::mouseClick(page->sendButton(), Qt::LeftButton);
        QVERIFY(!page->isSending());
        QCOMPARE(page->sendButton()->text(), QStringLiteral("Send"));
        QCOMPARE(page->responseView()->statusLabel()->text(), QStringLiteral("No response"));
        QVERIFY(page->responseView()->errorLabel()->text().contains(QStringLiteral("Cancelled")));
        // The window never waited: no dialog was shown.
        QVERIFY(DialogSeams::shown().isEmpty());
    }

    void aDeadlineEndsASlowRequestWithAnError() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        page->setTimeoutMs(200);
        typeUrl(page, QStringLiteral("{{base}}/slow"));
        sendAndWait(page);
        QVERIFY(page->responseView()->errorLabel()->isVisible());
        QVERIFY2(page->responseView()->errorLabel()->text().contains(QStringLiteral("200 ms")),
                 qPrintable(page->responseView()->errorLabel()->text()));
    }

    void unknownVariablesAndRefusedConnectionsAreShownInPlace() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{nowhere}}/x"));
        QVERIFY(page->urlHint()->text().contains(QStringLiteral("{{nowhere}}")));
        QTest::mouseClick(page->sendButton(), Qt::LeftButton);
        QVERIFY(!page->isSending());
        QCOMPARE(page->responseView()->statusLabel()->text(), QStringLiteral("No response"));
        QVERIFY(page->responseView()->errorLabel()->text().contains(QStringLiteral("{{nowhere}}")));
        QCOMPARE(m_server->seen.size(), 0);
        // "No environment": {{base}} has no value any more.
        typeUrl(page, QStringLiteral("{{base}}/json"));
        QVERIFY(page->urlHint()->text().startsWith(QStringLiteral("\u2192")));
        page->environmentBox()->setCurrentIndex(0);
        QVERIFY(page->urlHint()->text().contains(QStringLiteral("{{base}}")));

        // A port nobody listens on.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        typeUrl(page, QStringLiteral("127.0.0.1:%1/x").arg(port)); // no scheme: http, as in Postman
        sendAndWait(page);
        QCOMPARE(page->responseView()->statusLabel()->text(), QStringLiteral("No response"));
        QVERIFY2(page->responseView()->errorLabel()->text().contains(QStringLiteral("refused"),
                                                                     Qt::CaseInsensitive),
                 qPrintable(page->responseView()->errorLabel()->text()));
        QVERIFY(DialogSeams::shown().isEmpty());
    }

    void assertionsShowPassAndFailAfterASend() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/json"));
        page->requestTabs()->setCurrentIndex(ComposerPage::TestsTab);
        AssertionEditor *tests = page->assertionEditor();
        QTest::mouseClick(tests->findChild<QPushButton *>(QStringLiteral("addAssertion")), Qt::LeftButton);
        tests->addAssertion({QStringLiteral("jsonPath"),
                             QStringLiteral("$.message"),
                             QStringLiteral("equals"),
                             QStringLiteral("bye"),
                             {}});
        tests->addAssertion(
            {QStringLiteral("header"), QStringLiteral("x-test"), QStringLiteral("exists"), {}, {}});
        QCOMPARE(tests->assertions().size(), 3);
        QCOMPARE(tests->assertions().at(0).kind, QStringLiteral("status"));
        QCOMPARE(tests->assertions().at(0).expected, QStringLiteral("200"));
        sendAndWait(page);
        QTableWidget *table = tests->table();
        QVERIFY2(cellText(table, 0, AssertionEditor::ResultColumn).startsWith(QStringLiteral("\u2713 pass")),
                 qPrintable(cellText(table, 0, AssertionEditor::ResultColumn)));
        QVERIFY(cellText(table, 1, AssertionEditor::ResultColumn).startsWith(QStringLiteral("\u2717 fail")));
        QVERIFY(cellText(table, 1, AssertionEditor::ResultColumn).contains(QStringLiteral("hello")));
        QVERIFY(cellText(table, 2, AssertionEditor::ResultColumn).startsWith(QStringLiteral("\u2713 pass")));
        QCOMPARE(tests->summaryLabel()->text(), QStringLiteral("2/3 passed"));
        QCOMPARE(page->requestTabs()->tabText(ComposerPage::TestsTab), QStringLiteral("Tests (2/3)"));
        // Editing a check forgets the results it no longer describes.
        tests->opBox(1)->setCurrentText(QStringLiteral("contains"));
        QCOMPARE(cellText(table, 1, AssertionEditor::ResultColumn), QString());
    }

    void saveToCollectionIsOneUndoStepAndReopens() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        page->methodBox()->setCurrentText(QStringLiteral("POST"));
        typeUrl(page, QStringLiteral("{{base}}/echo?x=1"));
        page->headersTable()->item(0, KeyValueTable::NameColumn)->setText(QStringLiteral("x-trace"));
        page->headersTable()->item(0, KeyValueTable::ValueColumn)->setText(QStringLiteral("t1"));
        page->bodyEditor()->modeBox()->setCurrentIndex(int(ComposerRequest::BodyMode::Raw));
        page->bodyEditor()->rawEditor()->setText(QStringLiteral("{\"a\": 1}"));
        page->authEditor()->modeBox()->setCurrentIndex(int(ComposerRequest::AuthMode::Bearer));
        QTest::keyClicks(page->authEditor()->bearerTokenEdit(), QStringLiteral("{{token}}"));
        page->assertionEditor()->addAssertion();
        DialogSeams::queueDialog([](QDialog &dialog) {
            auto &input = dynamic_cast<QInputDialog &>(dialog);
            input.setTextValue(QStringLiteral("Echo it"));
            return int(QDialog::Accepted);
        });
        const int undoBefore = w->undoStack()->count();
        QVERIFY(page->saveToCollection());
        QCOMPARE(w->undoStack()->count(), undoBefore + 1);
        const QList<SavedRequest> &requests = w->document()->project().requests;
        QCOMPARE(requests.size(), 1);
        const SavedRequest &saved = requests[0];
        QCOMPARE(saved.name, QStringLiteral("Echo it"));
        QCOMPARE(saved.method, QStringLiteral("POST"));
        QCOMPARE(saved.url, QStringLiteral("{{base}}/echo?x=1"));
        QCOMPARE(saved.body, QStringLiteral("{\"a\": 1}"));
        QVERIFY(saved.headers.contains(NameValue{QStringLiteral("x-trace"), QStringLiteral("t1")}));
        QVERIFY(saved.headers.contains(
            NameValue{QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}")}));
        QVERIFY(saved.headers.contains(
            NameValue{QStringLiteral("content-type"), QStringLiteral("application/json")}));
        QCOMPARE(saved.assertions.size(), 1);
        QCOMPARE(w->codeTabs()->tabText(w->codeTabs()->indexOf(page)), QStringLiteral("Echo it"));

        // Saving again under the same name updates it: still one request, one more undo step.
        page->assertionEditor()->addAssertion(
            {QStringLiteral("time"), {}, QStringLiteral("below"), QStringLiteral("500"), {}});
        DialogSeams::queueDialog([](QDialog &) { return int(QDialog::Accepted); }); // keeps the name
        QVERIFY(page->saveToCollection());
        QCOMPARE(w->document()->project().requests.size(), 1);
        QCOMPARE(w->document()->project().requests[0].assertions.size(), 2);
        w->undoStack()->undo();
        QCOMPARE(w->document()->project().requests[0].assertions.size(), 1);
        w->undoStack()->undo();
        QVERIFY(w->document()->project().requests.isEmpty());
        w->undoStack()->redo();

        // Opening it again shows the tab that has it; a fresh tab reads the helpers back.
        QCOMPARE(w->openRequest(0), page);
        QVERIFY(w->codeTabs()->closeTab(w->codeTabs()->indexOf(page)));
        ComposerPage *reopened = w->openRequest(0);
        QVERIFY(reopened && reopened != page);
        const ComposerRequest r = reopened->request();
        QCOMPARE(r.authMode, ComposerRequest::AuthMode::Bearer);
        QCOMPARE(r.bearerToken, QStringLiteral("{{token}}"));
        QCOMPARE(r.bodyMode, ComposerRequest::BodyMode::Raw);
        QCOMPARE(r.rawType, ComposerRequest::RawType::Json);
        QCOMPARE(r.headers, (ComposerRows{{true, QStringLiteral("x-trace"), QStringLiteral("t1")}}));
        QCOMPARE(reopened->paramsTable()->rows(),
                 (ComposerRows{{true, QStringLiteral("x"), QStringLiteral("1")}}));
        QVERIFY(!w->openRequest(5));
        // Cancelling the name prompt saves nothing.
        const int count = w->undoStack()->count();
        QVERIFY(!reopened->saveToCollection());
        QCOMPARE(w->undoStack()->count(), count);
    }

    void historyIsKeptInTheProjectFolderAndRestores() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/json?first=1"));
        sendAndWait(page);
        typeUrl(page, QStringLiteral("{{base}}/missing"));
        page->methodBox()->setCurrentText(QStringLiteral("DELETE"));
        sendAndWait(page);
        QListWidget *list = page->historyList();
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("DELETE {{base}}/missing")));
        QVERIFY(list->item(0)->text().endsWith(QStringLiteral("404")));
        const QString file = RequestHistory::filePath(m_dir->path());
        QVERIFY(QFile::exists(file));
        QVERIFY(QFile::exists(QDir(m_dir->path()).filePath(QStringLiteral(".gatehouse/.gitignore"))));

        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
        QCOMPARE(page->urlEdit()->text(), QStringLiteral("{{base}}/json?first=1"));
        QCOMPARE(page->methodBox()->currentText(), QStringLiteral("GET"));
        QCOMPARE(page->paramsTable()->rows().size(), 1);

        // Another tab shares the history; a new window reads it back from the file.
        ComposerPage *second = w->newRequest();
        QCOMPARE(second->historyList()->count(), 2);
        RequestHistory reread;
        reread.load(m_dir->path());
        QCOMPARE(reread.entries().size(), 2);
        QCOMPARE(reread.entries().at(0).status, 404);
        QCOMPARE(reread.entries().at(1).request.url, QStringLiteral("{{base}}/json?first=1"));
    }

    void aCorruptOrHugeHistoryIsEmptyAndBounded() {
        QDir(m_dir->path()).mkpath(QStringLiteral(".gatehouse"));
        QFile file(RequestHistory::filePath(m_dir->path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"entries\": [ {\"request\": 12}, not json");
        file.close();
        RequestHistory history;
        history.load(m_dir->path());
        QVERIFY(history.entries().isEmpty());
        ComposerRequest r;
        for (int i = 0; i < RequestHistory::kMaxEntries + 5; ++i) {
            r.url = QStringLiteral("http://h/%1").arg(i);
            QVERIFY(history.add({QDateTime::currentDateTime(), r, 200, 1}));
        }
        QCOMPARE(history.entries().size(), RequestHistory::kMaxEntries);
        QCOMPARE(history.entries().first().request.url,
                 QStringLiteral("http://h/%1").arg(RequestHistory::kMaxEntries + 4));
        RequestHistory reread;
        reread.load(m_dir->path());
        QCOMPARE(reread.entries().size(), RequestHistory::kMaxEntries);
    }

    void environmentsDialogEditsAreUndoable() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        DialogSeams::queueDialog([this](QDialog &dialog) {
            auto &environments = dynamic_cast<EnvironmentsDialog &>(dialog);
            environments.addEnvironment(QStringLiteral("prod"));
            environments.variablesTable()->setRows(
                {{true, QStringLiteral("base"), m_server->url() + QStringLiteral("/prod")}});
            environments.accept();
            return environments.result();
        });
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("composerEditEnvironments")),
                          Qt::LeftButton);
        const QList<VariableSet> &sets = w->document()->project().environments;
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets[1].name, QStringLiteral("prod"));
        QCOMPARE(sets[1].variables.value(0).value, m_server->url() + QStringLiteral("/prod"));
        QCOMPARE(page->environmentBox()->count(), 3);
        page->environmentBox()->setCurrentText(QStringLiteral("prod"));
        typeUrl(page, QStringLiteral("{{base}}/x"));
        QCOMPARE(page->urlHint()->text(), QStringLiteral("\u2192 %1/prod/x").arg(m_server->url()));
        w->undoStack()->undo();
        QCOMPARE(w->document()->project().environments.size(), 1);
        QCOMPARE(page->environmentBox()->count(), 2);

        // Two environments of one name are refused in the dialog, which stays open.
        EnvironmentsDialog dialog(w->document()->project().environments);
        dialog.addEnvironment(QStringLiteral("local"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("environmentProblem"))
                    ->text()
                    .contains(QStringLiteral("local")));
    }

    void copyAsCurlAndImportFromCurl() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        page->methodBox()->setCurrentText(QStringLiteral("POST"));
        typeUrl(page, QStringLiteral("{{base}}/echo?q=1"));
        page->bodyEditor()->modeBox()->setCurrentIndex(int(ComposerRequest::BodyMode::Raw));
        page->bodyEditor()->rawEditor()->setText(QStringLiteral("{\"a\": \"{{token}}\"}"));
        QTest::mouseClick(page->copyCurlButton(), Qt::LeftButton);
        const QString command = QGuiApplication::clipboard()->text();
        QVERIFY2(command.startsWith(QStringLiteral("curl ")), qPrintable(command));
        QVERIFY2(command.contains(m_server->url() + QStringLiteral("/echo?q=1")), qPrintable(command));
        QVERIFY2(command.contains(QStringLiteral("s3cret")), qPrintable(command));

        // Read back in a new tab: what was sent comes back as the request.
        ComposerPage *imported = w->newRequest();
        DialogSeams::queueDialog([](QDialog &dialog) {
            auto &curl = dynamic_cast<CurlImportDialog &>(dialog);
            curl.commandEdit()->setPlainText(QStringLiteral("curl"));
            curl.accept(); // not a request: stays open with the reason
            if (curl.result().request ||
                curl.findChild<QLabel *>(QStringLiteral("curlProblem"))->text().isEmpty())
                return int(QDialog::Rejected);
            curl.commandEdit()->setPlainText(QGuiApplication::clipboard()->text());
            curl.accept();
            return curl.result().request ? int(QDialog::Accepted) : int(QDialog::Rejected);
        });
        QTest::mouseClick(imported->importCurlButton(), Qt::LeftButton);
        const ComposerRequest r = imported->request();
        QCOMPARE(r.method, QStringLiteral("POST"));
        QCOMPARE(r.url, m_server->url() + QStringLiteral("/echo?q=1"));
        QCOMPARE(r.bodyMode, ComposerRequest::BodyMode::Raw);
        QCOMPARE(r.rawBody, QStringLiteral("{\"a\": \"s3cret\"}"));
        QCOMPARE(imported->paramsTable()->rows().size(), 1);
        sendAndWait(imported);
        QCOMPARE(m_server->seen.last().body, QByteArray("{\"a\": \"s3cret\"}"));
    }

    void makeTestTokenSignsForTheJwtAuthorizer() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        // Without a JWT authorizer there is nothing to sign for: said in the status bar, no dialog.
        QVERIFY(!page->makeTestToken());
        QVERIFY(DialogSeams::shown().isEmpty());

        QDir(m_dir->path()).mkpath(QStringLiteral("auth"));
        QFile jwks(QDir(m_dir->path()).filePath(QStringLiteral("auth/keys.json")));
        QVERIFY(jwks.open(QIODevice::WriteOnly));
        jwks.write(
            R"({"keys":[{"kty":"oct","kid":"hs-1","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"}]})");
        jwks.close();
        Project project = w->document()->project();
        Authorizer authorizer;
        authorizer.name = QStringLiteral("users");
        authorizer.issuer = QStringLiteral("https://issuer.example.test");
        authorizer.audience = {QStringLiteral("shop")};
        authorizer.jwksUri = QStringLiteral("auth/keys.json");
        project.authorizers.append(authorizer);
        w->document()->reset(project, m_dir->path());
        page->requestTabs()->setCurrentIndex(ComposerPage::AuthTab);
        QTest::mouseClick(page->authEditor()->makeTokenButton(), Qt::LeftButton);
        QCOMPARE(page->authEditor()->modeBox()->currentIndex(), int(ComposerRequest::AuthMode::Bearer));
        const QStringList parts = page->authEditor()->bearerTokenEdit()->text().split(QLatin1Char('.'));
        QCOMPARE(parts.size(), 3);
        const QJsonObject header =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(parts[0].toLatin1(), QByteArray::Base64UrlEncoding))
                .object();
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), QStringLiteral("hs-1"));
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    }

    void makeTestTokenOffersLocalKeysForARemoteKeySet() {
        const auto w = window();
        ComposerPage *page = w->newRequest();
        Project project = w->document()->project();
        Authorizer authorizer;
        authorizer.name = QStringLiteral("users");
        authorizer.issuer = QStringLiteral("https://issuer.example.test");
        authorizer.audience = {QStringLiteral("shop")};
        authorizer.jwksUri = QStringLiteral("https://issuer.example.test/.well-known/jwks.json");
        project.authorizers.append(authorizer);
        w->document()->reset(project, m_dir->path());
        // Declined: nothing changes.
        DialogSeams::queueAnswer(QMessageBox::No);
        QVERIFY(!page->makeTestToken());
        QCOMPARE(w->document()->project().authorizers[0].jwksUri, authorizer.jwksUri);
        // Accepted: an RS256 token signed by the new local key, and the key set points at it (one step).
        const int steps = w->undoStack()->count();
        DialogSeams::queueAnswer(QMessageBox::Yes);
        QVERIFY(page->makeTestToken());
        QCOMPARE(w->document()->project().authorizers[0].jwksUri, QStringLiteral("auth/users.jwks.json"));
        QVERIFY(QFile::exists(QDir(m_dir->path()).filePath(QStringLiteral("auth/users.jwks.json"))));
        QCOMPARE(w->undoStack()->count(), steps + 1);
        const QStringList parts = page->authEditor()->bearerTokenEdit()->text().split(QLatin1Char('.'));
        QCOMPARE(parts.size(), 3);
        const QJsonObject header =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(parts[0].toLatin1(), QByteArray::Base64UrlEncoding))
                .object();
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        w->undoStack()->undo();
        QCOMPARE(w->document()->project().authorizers[0].jwksUri, authorizer.jwksUri);
    }

    void screenshot() {
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set GATEHOUSE_SCREENSHOT_DIR to write the screenshot");
        const auto w = window();
        ComposerPage *page = w->newRequest();
        typeUrl(page, QStringLiteral("{{base}}/json?q=1"));
        page->headersTable()->item(0, KeyValueTable::NameColumn)->setText(QStringLiteral("accept"));
        page->headersTable()
            ->item(0, KeyValueTable::ValueColumn)
            ->setText(QStringLiteral("application/json"));
        page->assertionEditor()->addAssertion();
        page->assertionEditor()->addAssertion({QStringLiteral("jsonPath"),
                                               QStringLiteral("$.message"),
                                               QStringLiteral("equals"),
                                               QStringLiteral("bye"),
                                               {}});
        sendAndWait(page);
        page->requestTabs()->setCurrentIndex(ComposerPage::TestsTab);
        w->grab().save(dir + QStringLiteral("/composer.png"));
        page->requestTabs()->setCurrentIndex(ComposerPage::ParamsTab);
        page->responseView()->tabs()->setCurrentIndex(ResponseView::HeadersTab);
        w->grab().save(dir + QStringLiteral("/composer-headers.png"));
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
