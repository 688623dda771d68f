#include "UrlParams.h"

namespace gatehouse::urlparams {

namespace {

struct UrlParts {
    QString base;     // up to the '?'
    QString query;    // between '?' and '#'
    QString fragment; // from the '#', including it
    bool hasQuery = false;
};

UrlParts split(const QString &url) {
    UrlParts parts;
    QString rest = url;
    if (const qsizetype hash = rest.indexOf(QLatin1Char('#')); hash >= 0) {
        parts.fragment = rest.mid(hash);
        rest.truncate(hash);
    }
    if (const qsizetype question = rest.indexOf(QLatin1Char('?')); question >= 0) {
        parts.query = rest.mid(question + 1);
        parts.hasQuery = true;
        rest.truncate(question);
    }
    parts.base = rest;
    return parts;
}

} // namespace

ComposerRows paramsOf(const QString &url) {
    ComposerRows rows;
    const UrlParts parts = split(url);
    if (parts.query.isEmpty()) return rows;
    for (const QString &pair : parts.query.split(QLatin1Char('&'))) {
        if (pair.isEmpty()) continue;
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        rows.append(equals < 0 ? ComposerRow{true, pair, {}}
                               : ComposerRow{true, pair.left(equals), pair.mid(equals + 1)});
    }
    return rows;
}

QString withParams(const QString &url, const ComposerRows &params) {
    const UrlParts parts = split(url);
    QStringList pairs;
    for (const ComposerRow &row : params) {
        if (!row.enabled || (row.name.isEmpty() && row.value.isEmpty())) continue;
        pairs.append(row.value.isEmpty() ? row.name : row.name + QLatin1Char('=') + row.value);
    }
    QString result = parts.base;
    if (!pairs.isEmpty()) result += QLatin1Char('?') + pairs.join(QLatin1Char('&'));
    return result + parts.fragment;
}

} // namespace gatehouse::urlparams
