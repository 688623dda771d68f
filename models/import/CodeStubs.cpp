#include "CodeStubs.h"

#include "code/HandlerFile.h"
#include "code/HandlerTemplate.h"

namespace gatehouse {

std::optional<ImportedFile> codeStub(const Function &f) {
    // A custom runtime's bootstrap must be executable, which an imported file cannot say.
    if (runtimeFamily(f.runtime) == RuntimeFamily::Provided) return std::nullopt;
    TemplateResponse response;
    response.statusCode = 501;
    response.message = QStringLiteral("%1 is not implemented yet (imported by Gatehouse)").arg(f.name);
    response.comment =
        QStringLiteral("Stub written by Gatehouse when importing function %1: replace it with the real code.")
            .arg(f.name);
    ImportedFile file;
    file.bytes = handlerTemplate(f, response);
    if (file.bytes.isEmpty()) return std::nullopt;
    const QString folder =
        f.codeUri.isEmpty() || f.codeUri == QLatin1String(".") ? QString() : f.codeUri + QLatin1Char('/');
    file.path = folder + newHandlerFileName(f);
    file.stub = true;
    return file;
}

} // namespace gatehouse
