"""GET /pets on a REST API (payload format 1.0). The gateway checks the x-api-key header first."""
import json

PETS = [{"id": 1, "type": "dog"}, {"id": 2, "type": "cat"}]


def lambda_handler(event, context):
    print(f"listing pets for key {event['requestContext']['identity'].get('apiKey')}")
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(PETS),
    }
