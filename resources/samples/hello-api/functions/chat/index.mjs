// WebSocket chat room. Lambda keeps no state between environments, so connections are remembered in a
// folder, one file per connection (on AWS this would be a DynamoDB table, one item per connection):
// environments handling a connect and a disconnect at the same time never overwrite each other's change.
// Messages are broadcast with the API Gateway Management API.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const table = join(tmpdir(), 'gatehouse-sample-chat-connections');
const fileOf = (id) => join(table, encodeURIComponent(id));
const load = () => { try { return readdirSync(table).map(decodeURIComponent); } catch { return []; } };
const add = (id) => { mkdirSync(table, { recursive: true }); writeFileSync(fileOf(id), ''); };
const remove = (id) => rmSync(fileOf(id), { force: true });

export const handler = async (event) => {
    const { routeKey, connectionId, domainName, stage } = event.requestContext;
    if (routeKey === '$connect') {
        add(connectionId);
        return { statusCode: 200 };
    }
    if (routeKey === '$disconnect') {
        remove(connectionId);
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
            if (error.name === 'GoneException') remove(id);
            else throw error;
        }
    }
    return { statusCode: 200 };
};
