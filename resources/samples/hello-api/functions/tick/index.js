// Runs every minute from an EventBridge-style schedule.
exports.handler = function (event) {
    console.log('tick at', event.time, 'from', event.resources && event.resources[0]);
};
