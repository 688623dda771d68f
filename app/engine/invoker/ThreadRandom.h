// Random numbers for ids (request ids, trace ids), from a generator per thread.
#pragma once

#include <QRandomGenerator>

namespace gatehouse {

// This thread's generator, seeded once from the system's. QRandomGenerator::global() is one generator
// behind a mutex that every gateway worker took a dozen times per request, and the system generator
// (QUuid::createUuid) reads the CPU's RDSEED each time. Ids need to be unique, not secret.
QRandomGenerator64 &threadRandom();

} // namespace gatehouse
