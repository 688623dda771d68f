#include "JsSyntaxCheck.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <vector>

namespace gatehouse {

namespace {

struct Token {
    enum Kind { Ident, Number, Punct, Literal, Regex } kind;
    QString text;
    int line;
};

bool isIdentStart(QChar c) {
    return c.isLetter() || c == u'_' || c == u'$';
}
bool isIdentPart(QChar c) {
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Whether a '/' after `previous` starts a regular expression rather than a division.
bool regexAllowedAfter(const Token *previous) {
    if (!previous) return true;
    if (previous->kind == Token::Ident) {
        static const QStringList keywords{
            QStringLiteral("return"), QStringLiteral("typeof"), QStringLiteral("case"),
            QStringLiteral("do"),     QStringLiteral("else"),   QStringLiteral("in"),
            QStringLiteral("of"),     QStringLiteral("new"),    QStringLiteral("void"),
            QStringLiteral("delete"), QStringLiteral("throw"),  QStringLiteral("yield")};
        return keywords.contains(previous->text);
    }
    if (previous->kind != Token::Punct) return false;
    return previous->text != QLatin1String(")") && previous->text != QLatin1String("]") &&
           previous->text != QLatin1String("}") && previous->text != QLatin1String("++") &&
           previous->text != QLatin1String("--");
}

std::vector<Token> tokenize(const QString &s) {
    static const char *const puncts[] = {
        ">>>=", "...", "?\?=", "||=", "&&=", "**=", "===", "!==", "<<=", ">>=", ">>>",
        "=>",   "?.",  "??",   "**",  "==",  "!=",  "<=",  ">=",  "&&",  "||",  "++",
        "--",   "+=",  "-=",   "*=",  "/=",  "%=",  "&=",  "|=",  "^=",  "<<",  ">>"};
    std::vector<Token> tokens;
    std::vector<int> templateDepth; // brace depth at which each open `${` returns to its template
    int braces = 0;
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto skipQuoted = [&](QChar quote, bool isTemplate) {
        // Returns true when a template reaches `${` (the caller resumes scanning code).
        while (i < n) {
            const QChar c = s[i];
            if (c == u'\n') ++line;
            if (c == u'\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                ++i;
                return false;
            }
            if (isTemplate && c == u'$' && i + 1 < n && s[i + 1] == u'{') {
                i += 2;
                templateDepth.push_back(braces++);
                return true;
            }
            if (!isTemplate && c == u'\n') return false;
            ++i;
        }
        return false;
    };
    if (s.startsWith(QLatin1String("#!"))) i = s.indexOf(u'\n') < 0 ? n : s.indexOf(u'\n');
    while (i < n) {
        const QChar c = s[i];
        if (c == u'\n') {
            ++line;
            ++i;
        } else if (c.isSpace()) {
            ++i;
        } else if (c == u'/' && i + 1 < n && s[i + 1] == u'/') {
            while (i < n && s[i] != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && s[i + 1] == u'*') {
            const qsizetype end = s.indexOf(QLatin1String("*/"), i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            line += int(QStringView(s).mid(i, stop - i).count(u'\n'));
            i = stop;
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            const int at = line;
            ++i;
            skipQuoted(c, c == u'`');
            tokens.push_back({Token::Literal, QString(c), at});
        } else if (c == u'}' && !templateDepth.empty() && templateDepth.back() == braces - 1) {
            --braces;
            templateDepth.pop_back();
            ++i;
            skipQuoted(u'`', true);
            tokens.push_back({Token::Literal, QStringLiteral("`"), line});
        } else if (c == u'/' && regexAllowedAfter(tokens.empty() ? nullptr : &tokens.back())) {
            const int at = line;
            bool inClass = false;
            for (++i; i < n && s[i] != u'\n'; ++i) {
                if (s[i] == u'\\')
                    ++i;
                else if (s[i] == u'[')
                    inClass = true;
                else if (s[i] == u']')
                    inClass = false;
                else if (s[i] == u'/' && !inClass)
                    break;
            }
            const qsizetype flagsStart = ++i;
            while (i < n && isIdentPart(s[i]))
                ++i;
            tokens.push_back({Token::Regex, s.mid(flagsStart, i - flagsStart), at});
        } else if (c.isDigit() || (c == u'.' && i + 1 < n && s[i + 1].isDigit())) {
            const qsizetype start = i;
            while (i < n && (isIdentPart(s[i]) || s[i] == u'.'))
                ++i;
            tokens.push_back({Token::Number, s.mid(start, i - start), line});
        } else if (isIdentStart(c) || c == u'#') {
            const qsizetype start = i++;
            while (i < n && isIdentPart(s[i]))
                ++i;
            tokens.push_back({Token::Ident, s.mid(start, i - start), line});
        } else {
            QString text = c;
            for (const char *p : puncts) {
                const QLatin1String candidate(p);
                if (QStringView(s).mid(i, candidate.size()) == candidate) {
                    text = candidate;
                    break;
                }
            }
            if (text == QLatin1String("{")) ++braces;
            if (text == QLatin1String("}")) --braces;
            i += text.size();
            tokens.push_back({Token::Punct, text, line});
        }
    }
    return tokens;
}

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse", text);
}

} // namespace

QList<UnsupportedSyntax> findUnsupportedSyntax(const QString &source) {
    const std::vector<Token> t = tokenize(source);
    QList<UnsupportedSyntax> found;
    auto report = [&](const QString &construct, int line) {
        for (const UnsupportedSyntax &f : found)
            if (f.construct == construct) return;
        found.append({construct, line});
    };
    auto is = [&](size_t k, const char *text) { return k < t.size() && t[k].text == QLatin1String(text); };

    // The bracket stack says where a token stands: 'c' marks a class body, 'f' a function body.
    std::vector<char> stack;
    bool classPending = false;
    bool functionPending = false;
    bool memberStart = false; // directly inside a class body, at the start of a member
    for (size_t k = 0; k < t.size(); ++k) {
        const Token &tok = t[k];
        const QString &x = tok.text;
        const bool inClassBody = !stack.empty() && stack.back() == 'c';
        if (inClassBody && memberStart) {
            size_t m = k;
            while (is(m, "static"))
                ++m;
            if (m < t.size() && t[m].text.startsWith(u'#'))
                report(tr("#private class members"), t[m].line);
            else if (m < t.size() && (t[m].kind == Token::Ident || t[m].kind == Token::Literal) &&
                     (is(m + 1, "=") || is(m + 1, ";")))
                report(tr("class fields"), t[m].line);
            memberStart = false;
        }
        if (tok.kind == Token::Ident) {
            if (x.startsWith(u'#'))
                report(tr("#private class members"), tok.line);
            else if (x == QLatin1String("async") && (is(k + 1, "function") || is(k + 1, "(") ||
                                                     (k + 1 < t.size() && t[k + 1].kind == Token::Ident)))
                report(tr("async functions (async/await)"), tok.line);
            else if (x == QLatin1String("await") && std::find(stack.begin(), stack.end(), 'f') == stack.end())
                report(tr("top-level await"), tok.line);
            else if (x == QLatin1String("catch") && is(k + 1, "{"))
                report(tr("optional catch binding (catch {})"), tok.line);
            else if (x == QLatin1String("import") && is(k + 1, "("))
                report(tr("dynamic import()"), tok.line);
            else if (x == QLatin1String("class"))
                classPending = true;
            else if (x == QLatin1String("function"))
                functionPending = true;
        } else if (tok.kind == Token::Number) {
            if (x.contains(u'_')) report(tr("numeric separators (1_000)"), tok.line);
            if (x.endsWith(u'n') && !x.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
                report(tr("BigInt literals (10n)"), tok.line);
        } else if (tok.kind == Token::Regex) {
            if (x.contains(u's')) report(tr("the regular expression s (dotAll) flag"), tok.line);
        } else if (tok.kind == Token::Punct) {
            if (x == QLatin1String("?\?=") || x == QLatin1String("||=") || x == QLatin1String("&&="))
                report(tr("logical assignment (?\?=, ||=, &&=)"), tok.line);
            else if (x == QLatin1String("...") && !stack.empty() && stack.back() == '{')
                report(tr("object spread/rest ({...o})"), tok.line);
            else if (x == QLatin1String("=>") && is(k + 1, "{"))
                functionPending = true;
            else if (x == QLatin1String(")") && is(k + 1, "{") && !inClassBody)
                functionPending = true;
            else if (x == QLatin1String("{")) {
                stack.push_back(classPending ? 'c' : functionPending ? 'f' : '{');
                memberStart = classPending;
                // A method body inside a class ("name() {") is a function too.
                if (!classPending && inClassBody) stack.back() = 'f';
                classPending = functionPending = false;
            } else if (x == QLatin1String("(") || x == QLatin1String("[")) {
                stack.push_back(x[0].toLatin1());
            } else if (x == QLatin1String("}") || x == QLatin1String(")") || x == QLatin1String("]")) {
                if (!stack.empty()) stack.pop_back();
                if (x == QLatin1String("}") && !stack.empty() && stack.back() == 'c') memberStart = true;
            } else if (x == QLatin1String(";") && inClassBody) {
                memberStart = true;
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.line < b.line; });
    return found;
}

QString unsupportedSyntaxAdvice(const QList<UnsupportedSyntax> &found) {
    if (found.isEmpty()) return {};
    QStringList parts;
    for (const UnsupportedSyntax &f : found)
        parts.append(tr("%1 (line %2)").arg(f.construct).arg(f.line));
    return tr("The embedded javascript runtime (QJSEngine, about ES2016) does not support %1. Switch the "
              "function to the nodejs20.x runtime, or compile the code to ES2016 (esbuild --target=es2016).")
        .arg(parts.join(QStringLiteral(", ")));
}

} // namespace gatehouse
