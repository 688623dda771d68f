// Random numbers for ids (request ids, trace ids), from a generator per thread.
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace gatehouse {

// This thread's generator, seeded once from the system's. QRandomGenerator::global() is one generator
// behind a mutex that every gateway worker took a dozen times per request, and the system generator
// (QUuid::createUuid) reads the CPU's RDSEED each time. Ids need to be unique, not secret.
QRandomGenerator64 &threadRandom();

// `count` random bytes from `random`, drawn as whole 32-bit words (not a bounded(256) call per byte).
QByteArray randomBytes(int count, QRandomGenerator &random = threadRandom());

} // namespace gatehouse
