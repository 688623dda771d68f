// GET /items/{id}: reads the path parameter and answers with a full HTTP response.
const items = { '1': 'apple', '2': 'banana', '3': 'cherry' };

exports.handler = (event) => {
    const id = event.pathParameters ? event.pathParameters.id : undefined;
    if (!(id in items)) {
        return { statusCode: 404, headers: { 'content-type': 'application/json' },
                 body: JSON.stringify({ message: `no item ${id}` }) };
    }
    return { statusCode: 200, headers: { 'content-type': 'application/json' },
             body: JSON.stringify({ id, name: items[id] }) };
};
