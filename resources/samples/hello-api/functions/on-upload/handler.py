"""Invoked asynchronously for every ObjectCreated event on uploads/*.txt in the hello-uploads bucket."""
from urllib.parse import unquote_plus


def on_upload(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        size = record["s3"]["object"].get("size", 0)
        print(f"{record['eventName']}: s3://{bucket}/{key} ({size} bytes)")
    return {"processed": len(event["Records"])}
