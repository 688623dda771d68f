// WebSocket chat room. Lambda keeps no state between environments, so connections are remembered in a
// file (on AWS this would be a DynamoDB table); messages are broadcast with the API Gateway Management API.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const table = join(tmpdir(), 'gatehouse-sample-chat-connections.json');
const load = () => { try { return JSON.parse(readFileSync(table, 'utf8')); } catch { return []; } };
const store = (ids) => writeFileSync(table, JSON.stringify(ids));

export const handler = async (event) => {
    const { routeKey, connectionId, domainName, stage } = event.requestContext;
    if (routeKey === '$connect') {
        store([...new Set([...load(), connectionId])]);
        return { statusCode: 200 };
    }
    if (routeKey === '$disconnect') {
        store(load().filter((id) => id !== connectionId));
        return { statusCode: 200 };
    }
    const { ApiGatewayManagementApiClient, PostToConnectionCommand } =
        await import('@aws-sdk/client-apigatewaymanagementapi');
    const endpoint = process.env.GATEHOUSE_WEBSOCKET_CALLBACK_URL ?? `https://${domainName}/${stage}`;
    const client = new ApiGatewayManagementApiClient({ endpoint });
    const data = JSON.parse(event.body).data;
    for (const id of load()) {
        try {
            await client.send(new PostToConnectionCommand({ ConnectionId: id, Data: data }));
        } catch (error) {
            if (error.name === 'GoneException') store(load().filter((c) => c !== id));
            else throw error;
        }
    }
    return { statusCode: 200 };
};
