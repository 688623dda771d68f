exports.handler = async () => ({ statusCode: 201 });
