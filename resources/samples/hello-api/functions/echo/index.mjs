// POST /echo: a real Node.js 20 handler (ES module, async), exactly as it would run on Lambda.
export const handler = async (event) => {
    const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body;
    return {
        statusCode: 200,
        headers: { 'content-type': event.headers?.['content-type'] ?? 'text/plain' },
        body: body ?? '',
    };
};
