// One request composer tab (Postman-like): method and URL with {{variables}} from the chosen environment
// (and the running local cloud's endpoints), params synced with the URL, headers, body, auth and tests
// tabs, an asynchronous cancellable Send, the response, and the project's request history beside it.
// "Save to Collection" stores the request in the project as one undo step.
#pragma once

#include "ComposerRequest.h"
#include "testing/RequestSender.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QUndoStack;

namespace gatehouse {

class AssertionEditor;
class AuthEditor;
class BodyEditor;
class CloudRunner;
class KeyValueTable;
class ProjectDocument;
class RequestHistory;
class ResponseView;

class ComposerPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 30000;
    enum RequestTab { ParamsTab, HeadersTab, BodyTab, AuthTab, TestsTab };

    // `runner` may be null (no local cloud); `history` is shared by the window's composer tabs.
    ComposerPage(ProjectDocument *document, QUndoStack *undoStack, CloudRunner *runner,
                 RequestHistory *history, QWidget *parent = nullptr);

    ComposerRequest request() const;
    void setRequest(const ComposerRequest &request);
    // The collection entry this tab edits (by name); empty for a request not saved yet.
    QString requestName() const { return m_name; }
    QString title() const;

    void send(); // or Cancel while a request is on its way
    void cancel();
    bool isSending() const { return m_sending; }
    // Asks for a name, then adds or replaces the collection entry of that name (one undo step). False
    // when cancelled or the request cannot be saved (the reason goes to statusMessage).
    bool saveToCollection();
    void editEnvironments();
    // The request, variables filled in, as a curl command line on the clipboard (also returned).
    QString copyAsCurl();
    // Asks for a curl command line and fills the composer from it (as a new, unsaved request).
    bool importFromCurl();
    // Bearer token = a JWT the project's JWT authorizer accepts (asks which one when there are several;
    // offers to create local test keys when its key set has no private key here).
    bool makeTestToken();
    // Asks whether to create local test keys for the authorizer (after `why` it has none usable) and,
    // when the user agrees, creates them and points its jwksUri at them as one undo step.
    bool offerLocalTestKeys(const QString &authorizerName, const QString &why);
    void restoreHistoryEntry(int row);
    // The {{variables}} a send would use now: the environment's, overlaid with the local cloud's.
    testing::VariableMap variables() const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    QComboBox *methodBox() const { return m_method; }
    QLineEdit *urlEdit() const { return m_url; }
    QLabel *urlHint() const { return m_hint; }
    QPushButton *sendButton() const { return m_send; }
    QComboBox *environmentBox() const { return m_environment; }
    QTabWidget *requestTabs() const { return m_tabs; }
    KeyValueTable *paramsTable() const { return m_params; }
    KeyValueTable *headersTable() const { return m_headers; }
    BodyEditor *bodyEditor() const { return m_body; }
    AuthEditor *authEditor() const { return m_auth; }
    AssertionEditor *assertionEditor() const { return m_assertions; }
    ResponseView *responseView() const { return m_response; }
    QListWidget *historyList() const { return m_historyList; }
    QPushButton *copyCurlButton() const { return m_copyCurl; }
    QPushButton *importCurlButton() const { return m_importCurl; }

signals:
    void statusMessage(const QString &message);
    void titleChanged(const QString &title);

private:
    void buildLayout();
    void urlEdited();
    void paramsEdited();
    void updateHint();
    void refreshEnvironments();
    void refreshHistory();
    void finishSend(const ComposerRequest &sent, const ComposedRequest &composed,
                    const testing::HttpExchange &exchange);
    void setSending(bool sending);

    ProjectDocument *m_document;
    QUndoStack *m_undoStack;
    QPointer<CloudRunner> m_runner;
    RequestHistory *m_history;
    testing::RequestSender m_sender;
    QString m_name;
    bool m_sending = false;
    bool m_loading = false;
    int m_timeoutMs = kTimeoutMs;

    QComboBox *m_method;
    QLineEdit *m_url;
    QLabel *m_hint;
    QPushButton *m_send;
    QPushButton *m_save;
    QComboBox *m_environment;
    QPushButton *m_environments;
    QPushButton *m_copyCurl;
    QPushButton *m_importCurl;
    QTabWidget *m_tabs;
    KeyValueTable *m_params;
    KeyValueTable *m_headers;
    BodyEditor *m_body;
    AuthEditor *m_auth;
    AssertionEditor *m_assertions;
    ResponseView *m_response;
    QListWidget *m_historyList;
};

} // namespace gatehouse
