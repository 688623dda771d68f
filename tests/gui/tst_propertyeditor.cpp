// Drives the property editor with real keyboard and mouse events on the bundled sample: edits land in
// the document as one undo step per field edit, diagnostics appear under their fields while typing,
// renames carry references along, and undo from anywhere shows up in the form.
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "SampleProjects.h"
#include "TestSupport.h"
#include "commands/DeleteEntityCommand.h"
#include "document/ProjectDocument.h"
#include "itemmodels/DiagnosticsModel.h"
#include "properties/FieldFrame.h"
#include "properties/PropertyEditor.h"
#include "properties/RecordTable.h"
#include "widgets/DiagnosticsView.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace gatehouse;

namespace {

const EntityRef kHello{EntityKind::Function, 0, -1};  // "hello", used by GET /hello
const EntityRef kItemsRoute{EntityKind::Route, 0, 1}; // GET /items/{id} of hello-http
const EntityRef kHelloRoute{EntityKind::Route, 0, 0}; // GET /hello
const EntityRef kEveryMinute{EntityKind::Schedule, 0, -1};

FieldFrame *frameOf(QWidget *editor) {
    for (QWidget *w = editor; w; w = w->parentWidget())
        if (auto *frame = qobject_cast<FieldFrame *>(w)) return frame;
    return nullptr;
}

QString problemText(QWidget *editor) {
    FieldFrame *frame = frameOf(editor);
    return frame && !frame->messageLabel()->isHidden() ? frame->messageLabel()->text() : QString();
}

// Replaces the text of a line edit or spin box the way a user does: select all, type, and (for
// spin boxes, which commit on Enter) press Enter.
void typeOver(QWidget *editor, const QString &text, bool pressEnter = false) {
    editor->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    if (pressEnter) QTest::keyClick(editor, Qt::Key_Return);
}

} // namespace

class TestPropertyEditor : public QObject {
    Q_OBJECT
private:
    QTemporaryDir *m_dir = nullptr;
    ProjectDocument *m_document = nullptr;
    QUndoStack *m_stack = nullptr;
    // The editor sits in a plain window, as in a dock: a top-level with a layout would hand its
    // minimum size to the window system, which the offscreen platform only warns about.
    QWidget *m_window = nullptr;
    PropertyEditor *m_editor = nullptr;

    template <typename W> W *editor(const QString &key) {
        auto *widget = qobject_cast<W *>(m_editor->fieldEditor(key));
        if (!widget) qWarning("no %s editor for %s", W::staticMetaObject.className(), qPrintable(key));
        return widget;
    }
    const Project &project() const { return m_document->project(); }
    // As a user does: open the list, move to the item, press Return.
    static void chooseInPopup(QComboBox *combo, int index) {
        combo->showPopup();
        QAbstractItemView *view = combo->view();
        QTRY_VERIFY(view->isVisible());
        view->setCurrentIndex(combo->model()->index(index, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(!view->isVisible());
    }

private slots:
    void initTestCase() { DialogSeams::setScripted(true); }

    void init() {
        m_dir = new QTemporaryDir;
        QString error;
        QVERIFY2(SampleProjects::copyTo(m_dir->path(), &error), qPrintable(error));
        m_document = new ProjectDocument;
        QVERIFY(m_document->open(m_dir->path()));
        m_stack = new QUndoStack;
        m_window = new QWidget;
        m_window->resize(420, 900);
        m_editor = new PropertyEditor(m_document, m_stack, m_window);
        m_editor->resize(m_window->size());
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void cleanup() {
        delete m_window;
        delete m_stack;
        delete m_document;
        delete m_dir;
    }

    void startsWithTheHint() {
        QVERIFY(!m_editor->hasEntity());
        QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("propertyHint"))->isVisible());
        m_editor->showEntity(kHello);
        QVERIFY(m_editor->hasEntity());
        QVERIFY(!m_editor->findChild<QLabel *>(QStringLiteral("propertyHint"))->isVisible());
        QCOMPARE(m_editor->findChild<QLabel *>(QStringLiteral("propertyTitle"))->text(),
                 QStringLiteral("Function \u201chello\u201d"));
    }

    void memoryAndTimeoutAreOneUndoStepEach() {
        m_editor->showEntity(kHello);
        auto *memory = editor<QSpinBox>(QStringLiteral("memoryMB"));
        QVERIFY(memory);
        QCOMPARE(memory->minimum(), 128);
        QCOMPARE(memory->maximum(), 10240);
        typeOver(memory, QStringLiteral("1024"), true);
        QCOMPARE(project().functions[0].memoryMB, 1024);
        QCOMPARE(m_stack->count(), 1);

        auto *timeout = editor<QSpinBox>(QStringLiteral("timeoutSeconds"));
        typeOver(timeout, QStringLiteral("30"), true);
        QCOMPARE(project().functions[0].timeoutSeconds, 30);
        QCOMPARE(m_stack->count(), 2);

        m_stack->undo();
        QCOMPARE(project().functions[0].timeoutSeconds, 3);
        QCOMPARE(project().functions[0].memoryMB, 1024);
    }

    void arrowStepsOfOneFieldMergeUntilEditingFinishes() {
        m_editor->showEntity(kHello);
        auto *memory = editor<QSpinBox>(QStringLiteral("memoryMB"));
        memory->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(memory, Qt::Key_Up);
        QTest::keyClick(memory, Qt::Key_Up);
        QCOMPARE(project().functions[0].memoryMB, 128 + 2 * memory->singleStep());
        QCOMPARE(m_stack->count(), 1);
        QTest::keyClick(memory, Qt::Key_Return); // editing finished: the next step is a new undo step
        QTest::keyClick(memory, Qt::Key_Up);
        QCOMPARE(m_stack->count(), 2);
    }

    void routePathIsValidatedWhileTyping() {
        m_editor->showEntity(kItemsRoute);
        auto *path = editor<QLineEdit>(QStringLiteral("path"));
        QVERIFY(path);
        typeOver(path, QStringLiteral("/things/{id"));
        // Committed as typed, so the validator (and the diagnostics panel) sees every keystroke.
        QCOMPARE(project().apis[0].routes[1].path, QStringLiteral("/things/{id"));
        QVERIFY(path->property("invalid").toBool());
        QVERIFY2(problemText(path).contains(QStringLiteral("unclosed")), qPrintable(problemText(path)));
        QVERIFY(path->hasFocus());
        QCOMPARE(path->cursorPosition(), path->text().size());

        QTest::keyClick(path, Qt::Key_BraceRight);
        QCOMPARE(project().apis[0].routes[1].path, QStringLiteral("/things/{id}"));
        QVERIFY(!path->property("invalid").toBool());
        QVERIFY(problemText(path).isEmpty());

        // The whole word is one undo step.
        QCOMPARE(m_stack->count(), 1);
        m_stack->undo();
        QCOMPARE(project().apis[0].routes[1].path, QStringLiteral("/items/{id}"));
        QCOMPARE(path->text(), QStringLiteral("/items/{id}"));
    }

    void renamingAFunctionRewritesTheRoutesThatUseIt() {
        m_editor->showEntity(kHello);
        auto *name = editor<QLineEdit>(QStringLiteral("name"));
        typeOver(name, QStringLiteral("greet"));
        // Nothing is renamed half-typed: a rename rewrites references all over the project.
        QCOMPARE(project().functions[0].name, QStringLiteral("hello"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(project().functions[0].name, QStringLiteral("greet"));
        QCOMPARE(project().apis[0].routes[0].integration.function, QStringLiteral("greet"));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_editor->findChild<QLabel *>(QStringLiteral("propertyTitle"))->text(),
                 QStringLiteral("Function \u201cgreet\u201d"));
        m_stack->undo();
        QCOMPARE(project().apis[0].routes[0].integration.function, QStringLiteral("hello"));
        QCOMPARE(name->text(), QStringLiteral("hello"));
    }

    void aDuplicateNameIsRefusedWithAReason() {
        m_editor->showEntity(kHello);
        auto *name = editor<QLineEdit>(QStringLiteral("name"));
        typeOver(name, QStringLiteral("echo"));
        QCOMPARE(problemText(name), QStringLiteral("There is already a function named \u201cecho\u201d."));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(project().functions[0].name, QStringLiteral("hello"));
        QCOMPARE(name->text(), QStringLiteral("hello"));
        QCOMPARE(m_stack->count(), 0);
        // The reason stays until the next edit.
        QVERIFY(!problemText(name).isEmpty());
        QTest::keyClick(name, Qt::Key_X);
        QVERIFY(problemText(name).isEmpty());
    }

    void undoFromTheStackRefreshesTheForm() {
        m_editor->showEntity(kHello);
        auto *memory = editor<QSpinBox>(QStringLiteral("memoryMB"));
        auto *description = editor<QLineEdit>(QStringLiteral("description"));
        typeOver(memory, QStringLiteral("2048"), true);
        typeOver(description, QStringLiteral("Greets"));
        QCOMPARE(m_stack->count(), 2);
        m_stack->undo();
        QCOMPARE(description->text(), project().functions[0].description);
        QVERIFY(description->text().startsWith(QStringLiteral("Says hello")));
        m_stack->undo();
        QCOMPARE(memory->value(), 128);
        m_stack->redo();
        QCOMPARE(memory->value(), 2048);
    }

    void focusFieldFocusesTheEditorOfADiagnosticsPath() {
        QVERIFY(m_editor->focusField(QStringLiteral("apis[0].routes[1].path")));
        QCOMPARE(m_editor->entity(), kItemsRoute);
        auto *path = editor<QLineEdit>(QStringLiteral("path"));
        QCOMPARE(QApplication::focusWidget(), path);
        QCOMPARE(path->selectedText(), QStringLiteral("/items/{id}"));

        QVERIFY(m_editor->focusField(QStringLiteral("functions[1].memoryMB")));
        QCOMPARE(m_editor->entity(), (EntityRef{EntityKind::Function, 1, -1}));
        QCOMPARE(QApplication::focusWidget(), m_editor->fieldEditor(QStringLiteral("memoryMB")));

        QVERIFY(m_editor->focusField(QStringLiteral("functions[0].environment.GREETING")));
        auto *table = editor<RecordTable>(QStringLiteral("environment"));
        QCOMPARE(QApplication::focusWidget(), table->table());
        QCOMPARE(table->table()->currentRow(), 0);

        // No field for it: the entity is shown all the same.
        QVERIFY(!m_editor->focusField(QStringLiteral("functions[2].noSuchField")));
        QCOMPARE(m_editor->entity(), (EntityRef{EntityKind::Function, 2, -1}));
        QVERIFY(!m_editor->focusField(QStringLiteral("functions[99].memoryMB")));
    }

    void activatingADiagnosticFocusesItsField() {
        // As the main window wires it: the diagnostics table's path goes to focusField.
        DiagnosticsModel model(m_document);
        auto *view = new DiagnosticsView(m_window);
        view->setDiagnosticsModel(&model);
        view->setGeometry(0, 700, 420, 200);
        m_editor->resize(420, 700);
        view->show();
        connect(view, &DiagnosticsView::pathActivated, m_editor, &PropertyEditor::focusField);

        m_editor->showEntity(kItemsRoute);
        typeOver(editor<QLineEdit>(QStringLiteral("path")), QStringLiteral("/items/{id"));
        // The panel follows the typing too.
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, 0).data(DiagnosticsModel::JsonPathRole) ==
                QStringLiteral("apis[0].routes[1].path"))
                row = r;
        QVERIFY(row >= 0);

        m_editor->showEntity(kHello);
        const QRect cell = view->visualRect(model.index(row, DiagnosticsModel::MessageColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(m_editor->entity(), kItemsRoute);
        QCOMPARE(QApplication::focusWidget(), m_editor->fieldEditor(QStringLiteral("path")));
    }

    void theIntegrationTypeDecidesWhichFieldsShow() {
        m_editor->showEntity(kHelloRoute);
        auto *type = editor<QComboBox>(QStringLiteral("integration.type"));
        QVERIFY(m_editor->fieldEditor(QStringLiteral("integration.function"))->isVisible());
        QVERIFY(!m_editor->fieldEditor(QStringLiteral("integration.url"))->isVisible());

        type->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(project().apis[0].routes[0].integration.type, IntegrationType::HttpProxy);
        QVERIFY(m_editor->fieldEditor(QStringLiteral("integration.url"))->isVisible());
        QVERIFY(!m_editor->fieldEditor(QStringLiteral("integration.function"))->isVisible());
        // An empty URL is an error the moment the type asks for one.
        QVERIFY(m_editor->fieldEditor(QStringLiteral("integration.url"))->property("invalid").toBool());

        QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(project().apis[0].routes[0].integration.type, IntegrationType::Mock);
        QVERIFY(m_editor->fieldEditor(QStringLiteral("integration.statusCode"))->isVisible());
        QVERIFY(m_editor->fieldEditor(QStringLiteral("integration.body"))->isVisible());
        QVERIFY(!m_editor->fieldEditor(QStringLiteral("integration.url"))->isVisible());
        QCOMPARE(m_stack->count(), 2);

        m_stack->undo();
        m_stack->undo();
        QCOMPARE(type->currentData().toString(), QStringLiteral("lambda"));
        QVERIFY(m_editor->fieldEditor(QStringLiteral("integration.function"))->isVisible());
    }

    void theFunctionComboListsTheProjectsFunctions() {
        m_editor->showEntity(kHelloRoute);
        auto *function = editor<QComboBox>(QStringLiteral("integration.function"));
        QCOMPARE(function->count(), project().functions.size());
        QCOMPARE(function->currentText(), QStringLiteral("hello"));
        function->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(function, Qt::Key_Down);
        QCOMPARE(project().apis[0].routes[0].integration.function, QStringLiteral("getItem"));
    }

    void environmentVariablesAreAddedEditedAndRemoved() {
        m_editor->showEntity(kHello);
        auto *env = editor<RecordTable>(QStringLiteral("environment"));
        QCOMPARE(env->table()->rowCount(), 1);

        QTest::mouseClick(env->addButton(), Qt::LeftButton);
        QCOMPARE(project().functions[0].environment.size(), 2);
        QCOMPARE(project().functions[0].environment[1].name, QStringLiteral("NAME"));
        QCOMPARE(env->table()->rowCount(), 2);
        // Add opens the new name for typing.
        QWidget *cellEditor = QApplication::focusWidget();
        QVERIFY(qobject_cast<QLineEdit *>(cellEditor));
        QTest::keyClick(cellEditor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(cellEditor, QStringLiteral("COLOR"));
        QTest::keyClick(cellEditor, Qt::Key_Return);
        // Item views commit an editor's data on the next turn of the event loop.
        QTRY_COMPARE(project().functions[0].environment[1].name, QStringLiteral("COLOR"));

        env->table()->selectRow(0);
        QTest::mouseClick(env->removeButton(), Qt::LeftButton);
        QCOMPARE(project().functions[0].environment.size(), 1);
        QCOMPARE(project().functions[0].environment[0].name, QStringLiteral("COLOR"));
        QCOMPARE(env->table()->rowCount(), 1);
        QCOMPARE(m_stack->count(), 3);

        m_stack->undo();
        QCOMPARE(env->table()->rowCount(), 2);
        QCOMPARE(env->table()->item(0, 0)->text(), QStringLiteral("GREETING"));
    }

    void anInvalidEnvironmentVariableIsMarkedOnTheTable() {
        m_editor->showEntity(kHello);
        auto *env = editor<RecordTable>(QStringLiteral("environment"));
        env->table()->setFocus();
        env->table()->setCurrentCell(0, 0);
        QTest::keyClick(env->table(), Qt::Key_F2);
        QWidget *cellEditor = QApplication::focusWidget();
        QTest::keyClick(cellEditor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(cellEditor, QStringLiteral("AWS_REGION"));
        QTest::keyClick(cellEditor, Qt::Key_Return);
        QTRY_VERIFY(env->property("invalid").toBool());
        QVERIFY2(problemText(env).contains(QStringLiteral("reserved")), qPrintable(problemText(env)));
    }

    void reservedConcurrencyIsOptional() {
        m_editor->showEntity(kHello);
        auto *spin = editor<QDoubleSpinBox>(QStringLiteral("reservedConcurrency"));
        auto *set = m_editor->findChild<QCheckBox *>(QStringLiteral("reservedConcurrency.set"));
        QVERIFY(set && !set->isChecked() && !spin->isEnabled());
        QTest::mouseClick(set, Qt::LeftButton, {}, QPoint(4, set->height() / 2));
        QCOMPARE(project().functions[0].reservedConcurrency, std::optional<int>(1));
        QVERIFY(spin->isEnabled());
        typeOver(spin, QStringLiteral("5"), true);
        QCOMPARE(project().functions[0].reservedConcurrency, std::optional<int>(5));
        QTest::mouseClick(set, Qt::LeftButton, {}, QPoint(4, set->height() / 2));
        QCOMPARE(project().functions[0].reservedConcurrency, std::nullopt);
    }

    void aValueOutsideTheRangeIsShownWithItsDiagnostic() {
        Project edited = project();
        edited.functions[0].memoryMB = 64;
        m_document->setProject(edited);
        m_editor->showEntity(kHello);
        auto *memory = editor<QSpinBox>(QStringLiteral("memoryMB"));
        QCOMPARE(memory->value(), 64);
        QVERIFY(memory->property("invalid").toBool());
        QVERIFY2(problemText(memory).contains(QStringLiteral("10240")), qPrintable(problemText(memory)));
    }

    void aProblemWithNoFieldOnScreenIsListedAboveTheForm() {
        // WebSocket APIs have no CORS section, yet a file can still set it.
        Project edited = project();
        edited.apis[2].cors = Cors{{QStringLiteral("*")}, {}, {}, {}, {}, false, {}};
        m_document->setProject(edited);
        m_editor->showEntity({EntityKind::Api, 2, -1});
        auto *problems = m_editor->findChild<QLabel *>(QStringLiteral("entityProblems"));
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QStringLiteral("CORS")), qPrintable(problems->text()));
        // Another API's form does not show it.
        m_editor->showEntity({EntityKind::Api, 0, -1});
        QVERIFY(!problems->isVisible());
    }

    void theFormFollowsItsEntityAndShowsTheHintWhenItIsGone() {
        m_editor->showEntity({EntityKind::Function, 2, -1}); // echo
        QSignalSpy moved(m_editor, &PropertyEditor::shownEntityChanged);
        m_stack->push(new DeleteEntityCommand(m_document, kHello));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(m_editor->entity(), (EntityRef{EntityKind::Function, 1, -1}));
        QCOMPARE(editor<QSpinBox>(QStringLiteral("memoryMB"))->value(), 512);

        m_stack->push(new DeleteEntityCommand(m_document, m_editor->entity()));
        QVERIFY(!m_editor->hasEntity());
        QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("propertyHint"))->isVisible());
        QCOMPARE(moved.count(), 2);
    }

    void theScheduleShowsItsNextFireTimes() {
        m_editor->showEntity(kEveryMinute);
        auto *preview = m_editor->findChild<QLabel *>(QStringLiteral("fireTimes"));
        QCOMPARE(preview->text().split(QLatin1Char('\n')).size(), 10);
        typeOver(editor<QLineEdit>(QStringLiteral("expression")), QStringLiteral("cron(0 10 * * ? *)"));
        const QStringList times = preview->text().split(QLatin1Char('\n'));
        QCOMPARE(times.size(), 10);
        for (const QString &time : times)
            QVERIFY2(time.endsWith(QStringLiteral("10:00 UTC")), qPrintable(time));
        typeOver(editor<QLineEdit>(QStringLiteral("expression")), QStringLiteral("cron(0 10 * *)"));
        QVERIFY(editor<QLineEdit>(QStringLiteral("expression"))->property("invalid").toBool());
    }

    void everyKindOfEntityHasAForm() {
        Project edited = project();
        Queue queue;
        queue.name = QStringLiteral("jobs");
        edited.queues.append(queue);
        m_document->setProject(edited);
        QList<EntityRef> refs{{EntityKind::Project, -1, -1}};
        for (int i = 0; i < project().functions.size(); ++i)
            refs.append({EntityKind::Function, i, -1});
        for (int a = 0; a < project().apis.size(); ++a) {
            refs.append({EntityKind::Api, a, -1});
            for (int r = 0; r < project().apis[a].routes.size(); ++r)
                refs.append({EntityKind::Route, a, r});
            for (int s = 0; s < project().apis[a].stages.size(); ++s)
                refs.append({EntityKind::Stage, a, s});
        }
        refs.append({EntityKind::Authorizer, 0, -1});
        refs.append({EntityKind::Bucket, 0, -1});
        refs.append({EntityKind::Schedule, 0, -1});
        refs.append({EntityKind::Queue, 0, -1});
        for (const EntityRef &ref : std::as_const(refs)) {
            m_editor->showEntity(ref);
            QVERIFY(m_editor->hasEntity());
            QCOMPARE(m_editor->entity(), ref);
            // The sample is valid: no field shows a problem.
            for (FieldFrame *frame : m_editor->findChildren<FieldFrame *>())
                if (frame->isVisible())
                    QVERIFY2(frame->problems().isEmpty(), qPrintable(frame->messageLabel()->text()));
        }
        // WebSocket routes have a route key instead of a method and path.
        m_editor->showEntity({EntityKind::Route, 2, 2});
        QCOMPARE(editor<QLineEdit>(QStringLiteral("routeKey"))->text(), QStringLiteral("sendmessage"));
        QVERIFY(!m_editor->fieldEditor(QStringLiteral("path"))->isVisible());
        // A saved request has no form here.
        m_editor->showEntity({EntityKind::Request, 0, -1});
        QVERIFY(!m_editor->hasEntity());
    }

    void aQueueTriggerIsCreatedByItsCheckBox() {
        Project edited = project();
        Queue queue;
        queue.name = QStringLiteral("jobs");
        edited.queues.append(queue);
        m_document->setProject(edited);
        m_editor->showEntity({EntityKind::Queue, 0, -1});
        QVERIFY(!m_editor->fieldEditor(QStringLiteral("trigger.batchSize"))->isVisible());
        auto *trigger = editor<QCheckBox>(QStringLiteral("trigger"));
        QTest::mouseClick(trigger, Qt::LeftButton, {}, QPoint(4, trigger->height() / 2));
        QVERIFY(project().queues[0].trigger.has_value());
        QVERIFY(m_editor->fieldEditor(QStringLiteral("trigger.batchSize"))->isVisible());
        // A new trigger names no function yet: the diagnostic sits under the function field.
        QVERIFY(m_editor->fieldEditor(QStringLiteral("trigger.function"))->property("invalid").toBool());
    }

    // Asynchronous invocation: retries, event age and the destinations, each one undo step.
    void asyncInvocationSettingsAreEditedInTheFunctionForm() {
        Project edited = project();
        Queue failures;
        failures.name = QStringLiteral("failures");
        edited.queues.append(failures);
        m_document->setProject(edited);
        m_editor->showEntity(kHello);

        auto *retries = editor<QDoubleSpinBox>(QStringLiteral("asyncInvoke.maximumRetryAttempts"));
        QVERIFY(retries);
        QCOMPARE(retries->maximum(), 2.0);
        auto *limit =
            m_editor->findChild<QCheckBox *>(QStringLiteral("asyncInvoke.maximumRetryAttempts.set"));
        QTest::mouseClick(limit, Qt::LeftButton, {}, QPoint(4, limit->height() / 2));
        QCOMPARE(project().functions[0].asyncInvoke.maximumRetryAttempts, std::optional<int>(2));
        typeOver(retries, QStringLiteral("0"), true);
        QCOMPARE(project().functions[0].asyncInvoke.maximumRetryAttempts, std::optional<int>(0));

        auto *onFailure = editor<QComboBox>(QStringLiteral("asyncInvoke.onFailure"));
        QCOMPARE(onFailure->itemText(0), QStringLiteral("(none)"));
        const int queueIndex = onFailure->findText(QStringLiteral("Queue failures"));
        QVERIFY(queueIndex > 0);
        QVERIFY(onFailure->findText(QStringLiteral("Function hello")) < 0); // not its own destination
        const int before = m_stack->count();
        chooseInPopup(onFailure, queueIndex);
        QCOMPARE(project().functions[0].asyncInvoke.onFailure.queue, QStringLiteral("failures"));
        QCOMPARE(m_stack->count(), before + 1);

        auto *onSuccess = editor<QComboBox>(QStringLiteral("asyncInvoke.onSuccess"));
        chooseInPopup(onSuccess, onSuccess->findText(QStringLiteral("Function getItem")));
        QCOMPARE(project().functions[0].asyncInvoke.onSuccess.function, QStringLiteral("getItem"));

        m_stack->undo();
        QCOMPARE(project().functions[0].asyncInvoke.onSuccess.function, QString());
        QCOMPARE(onSuccess->currentIndex(), 0);
        QCOMPARE(project().functions[0].asyncInvoke.onFailure.queue, QStringLiteral("failures"));
    }

    void bucketVersioningIsAnUndoableCheckBox() {
        m_editor->showEntity({EntityKind::Bucket, 0, -1});
        auto *versioning = editor<QCheckBox>(QStringLiteral("versioning"));
        QVERIFY(!versioning->isChecked());
        QTest::mouseClick(versioning, Qt::LeftButton, {}, QPoint(4, versioning->height() / 2));
        QVERIFY(project().buckets[0].versioning);
        m_stack->undo();
        QVERIFY(!project().buckets[0].versioning);
        QVERIFY(!versioning->isChecked());
    }

    // Not a check: saves pictures of the editor for people to look at, when asked to.
    void screenshots() {
        const QString folder = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (folder.isEmpty()) QSKIP("set GATEHOUSE_SCREENSHOT_DIR to save screenshots");
        const QList<std::pair<QString, EntityRef>> shots = {
            {QStringLiteral("props-route"), kItemsRoute},
            {QStringLiteral("props-function"), kHello},
            {QStringLiteral("props-api"), {EntityKind::Api, 0, -1}},
            {QStringLiteral("props-authorizer"), {EntityKind::Authorizer, 0, -1}},
            {QStringLiteral("props-schedule"), kEveryMinute},
            {QStringLiteral("props-bucket"), {EntityKind::Bucket, 0, -1}},
            {QStringLiteral("props-project"), {EntityKind::Project, -1, -1}}};
        for (const auto &[name, ref] : shots) {
            m_editor->showEntity(ref);
            QVERIFY(m_editor->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
        }
        m_editor->showEntity(kItemsRoute);
        typeOver(editor<QLineEdit>(QStringLiteral("path")), QStringLiteral("/items/{id"));
        QVERIFY(m_editor->grab().save(folder + QStringLiteral("/props-route-invalid.png")));
        m_editor->setPalette(test::darkPalette());
        QVERIFY(m_editor->grab().save(folder + QStringLiteral("/props-route-invalid-dark.png")));
        m_editor->setPalette(QPalette());
        m_editor->resize(300, 700);
        m_editor->showEntity(kHello);
        QVERIFY(m_editor->grab().save(folder + QStringLiteral("/props-function-narrow.png")));
    }
};

QTEST_MAIN(TestPropertyEditor)
#include "tst_propertyeditor.moc"
