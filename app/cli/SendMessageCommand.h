// `gatehouse send-message PROJECT QUEUE BODY [--delay S] [--attribute Name=Type:Value ...]
// [--endpoint URL | --endpoints-file F]`: sends one message to a queue of a running `gatehouse serve`
// through its SQS endpoint (the JSON protocol current SDKs speak) and prints the MessageId.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command sendMessageCommand();

} // namespace gatehouse::cli
