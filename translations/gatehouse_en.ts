<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cli</name>
    <message>
        <source>Try &apos;gatehouse --help&apos;.</source>
        <translation>Try &apos;gatehouse --help&apos;.</translation>
    </message>
</context>
<context>
    <name>gatehouse</name>
    <message>
        <source>#private class members</source>
        <translation>#private class members</translation>
    </message>
    <message>
        <source>class fields</source>
        <translation>class fields</translation>
    </message>
    <message>
        <source>async functions (async/await)</source>
        <translation>async functions (async/await)</translation>
    </message>
    <message>
        <source>top-level await</source>
        <translation>top-level await</translation>
    </message>
    <message>
        <source>optional catch binding (catch {})</source>
        <translation>optional catch binding (catch {})</translation>
    </message>
    <message>
        <source>dynamic import()</source>
        <translation>dynamic import()</translation>
    </message>
    <message>
        <source>numeric separators (1_000)</source>
        <translation>numeric separators (1_000)</translation>
    </message>
    <message>
        <source>BigInt literals (10n)</source>
        <translation>BigInt literals (10n)</translation>
    </message>
    <message>
        <source>the regular expression s (dotAll) flag</source>
        <translation>the regular expression s (dotAll) flag</translation>
    </message>
    <message>
        <source>logical assignment (??=, ||=, &amp;&amp;=)</source>
        <translation>logical assignment (??=, ||=, &amp;&amp;=)</translation>
    </message>
    <message>
        <source>object spread/rest ({...o})</source>
        <translation>object spread/rest ({...o})</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (line %2)</translation>
    </message>
    <message>
        <source>The embedded javascript runtime (QJSEngine, about ES2016) does not support %1. Switch the function to the nodejs20.x runtime, or compile the code to ES2016 (esbuild --target=es2016).</source>
        <translation>The embedded javascript runtime (QJSEngine, about ES2016) does not support %1. Switch the function to the nodejs20.x runtime, or compile the code to ES2016 (esbuild --target=es2016).</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <source>WebSocket API</source>
        <translation>WebSocket API</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The object no longer exists.</source>
        <translation>The object no longer exists.</translation>
    </message>
    <message>
        <source>The object changed while it was downloaded; try again.</source>
        <translation>The object changed while it was downloaded; try again.</translation>
    </message>
</context>
<context>
    <name>gatehouse::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;Gatehouse %1&lt;/h2&gt;&lt;p&gt;Design, run and test serverless APIs on your own machine.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later). See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;gnu.org/licenses/gpl-3.0&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Gatehouse %1&lt;/h2&gt;&lt;p&gt;Design, run and test serverless APIs on your own machine.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later). See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;gnu.org/licenses/gpl-3.0&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>About Gatehouse</translation>
    </message>
</context>
<context>
    <name>gatehouse::AddFunctionCommand</name>
    <message>
        <source>Add function “%1”</source>
        <translation>Add function “%1”</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApiForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>Local port</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>The port the API listens on while running locally; Automatic picks a free one.</source>
        <translation>The port the API listens on while running locally; Automatic picks a free one.</translation>
    </message>
    <message>
        <source>Route selection</source>
        <translation>Route selection</translation>
    </message>
    <message>
        <source>Binary media types</source>
        <translation>Binary media types</translation>
    </message>
    <message>
        <source>e.g. image/png, application/octet-stream</source>
        <translation>e.g. image/png, application/octet-stream</translation>
    </message>
    <message>
        <source>Default route throttling</source>
        <translation>Default route throttling</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>Allowed origins</translation>
    </message>
    <message>
        <source>https://example.com, or *</source>
        <translation>https://example.com, or *</translation>
    </message>
    <message>
        <source>Allowed methods</source>
        <translation>Allowed methods</translation>
    </message>
    <message>
        <source>GET, POST, or *</source>
        <translation>GET, POST, or *</translation>
    </message>
    <message>
        <source>Allowed headers</source>
        <translation>Allowed headers</translation>
    </message>
    <message>
        <source>content-type, authorization</source>
        <translation>content-type, authorization</translation>
    </message>
    <message>
        <source>Exposed headers</source>
        <translation>Exposed headers</translation>
    </message>
    <message>
        <source>Max age</source>
        <translation>Max age</translation>
    </message>
    <message>
        <source>Cache for</source>
        <translation>Cache for</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Allow credentials (cookies, authorization headers)</source>
        <translation>Allow credentials (cookies, authorization headers)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApiSnapshot</name>
    <message>
        <source>JWT authorizer &apos;%1&apos; names no JWKS: every token is refused</source>
        <translation>JWT authorizer &apos;%1&apos; names no JWKS: every token is refused</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: the key set at %2 could not be fetched</source>
        <translation>JWT authorizer &apos;%1&apos;: the key set at %2 could not be fetched</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: cannot read %2: %3</source>
        <translation>JWT authorizer &apos;%1&apos;: cannot read %2: %3</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: %2</source>
        <translation>JWT authorizer &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::AppStartup</name>
    <message>
        <source>Cannot Copy Sample</source>
        <translation>Cannot Copy Sample</translation>
    </message>
    <message>
        <source>The sample project could not be copied to %1:

%2</source>
        <translation>The sample project could not be copied to %1:

%2</translation>
    </message>
</context>
<context>
    <name>gatehouse::AssertionEditor</name>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Header or JSON path</source>
        <translation>Header or JSON path</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Add Check</source>
        <translation>Add Check</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>✓ pass: %1</source>
        <translation>✓ pass: %1</translation>
    </message>
    <message>
        <source>✗ fail: %1</source>
        <translation>✗ fail: %1</translation>
    </message>
    <message>
        <source>%1/%2 passed</source>
        <translation>%1/%2 passed</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Not checked: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::AsyncDestinations</name>
    <message>
        <source>Invocation record (%1) sent to queue %2</source>
        <translation>Invocation record (%1) sent to queue %2</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>queue %1</translation>
    </message>
    <message>
        <source>the destination queue %1 does not exist</source>
        <translation>the destination queue %1 does not exist</translation>
    </message>
    <message>
        <source>Invocation record (%1) not delivered: %2</source>
        <translation>Invocation record (%1) not delivered: %2</translation>
    </message>
    <message>
        <source>function %1 refused it: %2 %3</source>
        <translation>function %1 refused it: %2 %3</translation>
    </message>
    <message>
        <source>Invocation record (%1) sent to function %2 (request %3)</source>
        <translation>Invocation record (%1) sent to function %2 (request %3)</translation>
    </message>
    <message>
        <source>function %1</source>
        <translation>function %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::AuthEditor</name>
    <message>
        <source>Make Test Token…</source>
        <translation>Make Test Token…</translation>
    </message>
    <message>
        <source>No auth</source>
        <translation>No auth</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer token</translation>
    </message>
    <message>
        <source>Basic auth</source>
        <translation>Basic auth</translation>
    </message>
    <message>
        <source>token or {{variable}}</source>
        <translation>token or {{variable}}</translation>
    </message>
    <message>
        <source>The request is sent without credentials.</source>
        <translation>The request is sent without credentials.</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Value:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
</context>
<context>
    <name>gatehouse::AuthorizerForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>https://issuer.example.com</source>
        <translation>https://issuer.example.com</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>client IDs, comma-separated</source>
        <translation>client IDs, comma-separated</translation>
    </message>
    <message>
        <source>JWKS</source>
        <translation>JWKS</translation>
    </message>
    <message>
        <source>https URL, or a file in the project</source>
        <translation>https URL, or a file in the project</translation>
    </message>
    <message>
        <source>Token source</source>
        <translation>Token source</translation>
    </message>
    <message>
        <source>Lambda authorizer</source>
        <translation>Lambda authorizer</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Request (headers, query, context)</source>
        <translation>Request (headers, query, context)</translation>
    </message>
    <message>
        <source>Token (one header)</source>
        <translation>Token (one header)</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Payload format</translation>
    </message>
    <message>
        <source>API default</source>
        <translation>API default</translation>
    </message>
    <message>
        <source>Identity sources</source>
        <translation>Identity sources</translation>
    </message>
    <message>
        <source>Token pattern</source>
        <translation>Token pattern</translation>
    </message>
    <message>
        <source>a regular expression the token must match</source>
        <translation>a regular expression the token must match</translation>
    </message>
    <message>
        <source>Simple responses ({&quot;isAuthorized&quot;: true})</source>
        <translation>Simple responses ({&quot;isAuthorized&quot;: true})</translation>
    </message>
    <message>
        <source>Cache results</source>
        <translation>Cache results</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Without a custom value results are cached for 300 s; 0 turns caching off.</source>
        <translation>Without a custom value results are cached for 300 s; 0 turns caching off.</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API keys</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Usage plan</source>
        <translation>Usage plan</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Limit to</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> requests</translation>
    </message>
    <message>
        <source>Quota period</source>
        <translation>Quota period</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>per day</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>per week</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>per month</translation>
    </message>
</context>
<context>
    <name>gatehouse::BodyEditor</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <source>Form (URL-encoded)</source>
        <translation>Form (URL-encoded)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>File whose bytes are the body</source>
        <translation>File whose bytes are the body</translation>
    </message>
    <message>
        <source>This request has no body.</source>
        <translation>This request has no body.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Body File</source>
        <translation>Body File</translation>
    </message>
</context>
<context>
    <name>gatehouse::BucketForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Invoke a function when objects change</source>
        <translation>Invoke a function when objects change</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Versioning: keep every version</source>
        <translation>Versioning: keep every version</translation>
    </message>
    <message>
        <source>Every write keeps a new version of the object, and a delete adds a delete marker instead of removing it (S3 Versioning).</source>
        <translation>Every write keeps a new version of the object, and a delete adds a delete marker instead of removing it (S3 Versioning).</translation>
    </message>
</context>
<context>
    <name>gatehouse::BucketObjectModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Content type</translation>
    </message>
    <message>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
</context>
<context>
    <name>gatehouse::BucketWriteQueue</name>
    <message>
        <source>Waiting for the local cloud to start…</source>
        <translation>Waiting for the local cloud to start…</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 of %3)…</source>
        <translation>Uploading %1 (%2 of %3)…</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n object(s)…</source>
        <translation>
            <numerusform>Deleting %n object…</numerusform>
            <numerusform>Deleting %n objects…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>The local cloud stopped; nothing more was written.</source>
        <translation>The local cloud stopped; nothing more was written.</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %n object(s).</source>
        <translation>
            <numerusform>Uploaded %n object.</numerusform>
            <numerusform>Uploaded %n objects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n object(s).</source>
        <translation>
            <numerusform>Deleted %n object.</numerusform>
            <numerusform>Deleted %n objects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::BucketsPanel</name>
    <message>
        <source>The project&apos;s bucket to browse</source>
        <translation>The project&apos;s bucket to browse</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>Up one folder</translation>
    </message>
    <message>
        <source>Read the bucket&apos;s objects again</source>
        <translation>Read the bucket&apos;s objects again</translation>
    </message>
    <message>
        <source>Drop files or folders here to upload them into this folder</source>
        <translation>Drop files or folders here to upload them into this folder</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>Upload…</translation>
    </message>
    <message>
        <source>Upload files into this folder; the bucket&apos;s notifications fire as for aws s3 cp</source>
        <translation>Upload files into this folder; the bucket&apos;s notifications fire as for aws s3 cp</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Download…</translation>
    </message>
    <message>
        <source>Save the selected object to a file</source>
        <translation>Save the selected object to a file</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected objects and folders</source>
        <translation>Delete the selected objects and folders</translation>
    </message>
    <message>
        <source>Copy S3 URI</source>
        <translation>Copy S3 URI</translation>
    </message>
    <message>
        <source>Copy s3://bucket/key of the selection</source>
        <translation>Copy s3://bucket/key of the selection</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Copy URL</translation>
    </message>
    <message>
        <source>Copy the selection&apos;s URL on the running local S3 endpoint</source>
        <translation>Copy the selection&apos;s URL on the running local S3 endpoint</translation>
    </message>
    <message>
        <source>Bucket:</source>
        <translation>Bucket:</translation>
    </message>
    <message>
        <source>Save the project to keep objects in its buckets.</source>
        <translation>Save the project to keep objects in its buckets.</translation>
    </message>
    <message>
        <source>The project has no buckets: add one on the canvas.</source>
        <translation>The project has no buckets: add one on the canvas.</translation>
    </message>
    <message>
        <source>The bucket is empty. Upload files, or drop them here.</source>
        <translation>The bucket is empty. Upload files, or drop them here.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>The URL is known while the local cloud runs</source>
        <translation>The URL is known while the local cloud runs</translation>
    </message>
    <message>
        <source>Upload to s3://%1/%2</source>
        <translation>Upload to s3://%1/%2</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Nothing uploaded: the project has no saved bucket to upload to.</source>
        <translation>Nothing uploaded: the project has no saved bucket to upload to.</translation>
    </message>
    <message>
        <source>Not uploaded (not a readable file or folder): %1</source>
        <translation>Not uploaded (not a readable file or folder): %1</translation>
    </message>
    <message>
        <source>Download s3://%1/%2</source>
        <translation>Download s3://%1/%2</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Replace %1?</source>
        <translation>Replace %1?</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Downloading %1…</translation>
    </message>
    <message>
        <source>Downloaded %1 to %2.</source>
        <translation>Downloaded %1 to %2.</translation>
    </message>
    <message>
        <source>Download of %1 failed: %2</source>
        <translation>Download of %1 failed: %2</translation>
    </message>
    <message>
        <source>Delete s3://%1/%2?</source>
        <translation>Delete s3://%1/%2?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n object(s) from %1?</source>
        <translation>
            <numerusform>Delete %n object from %1?</numerusform>
            <numerusform>Delete %n objects from %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Objects</source>
        <translation>Delete Objects</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>New Folder…</translation>
    </message>
    <message>
        <source>Open a new folder (a key prefix) to upload into</source>
        <translation>Open a new folder (a key prefix) to upload into</translation>
    </message>
    <message>
        <source>No objects under %1 yet. Upload files, or drop them here.</source>
        <translation>No objects under %1 yet. Upload files, or drop them here.</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>New Folder</translation>
    </message>
    <message>
        <source>Folder name in s3://%1/%2</source>
        <translation>Folder name in s3://%1/%2</translation>
    </message>
    <message>
        <source>A folder needs a name.</source>
        <translation>A folder needs a name.</translation>
    </message>
</context>
<context>
    <name>gatehouse::CloudRunner</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::CloudStartGate</name>
    <message>
        <source>The local cloud could not start: %1</source>
        <translation>The local cloud could not start: %1</translation>
    </message>
    <message>
        <source>The local cloud was stopped before it was ready.</source>
        <translation>The local cloud was stopped before it was ready.</translation>
    </message>
    <message>
        <source>The local cloud is stopping; try again when it has stopped.</source>
        <translation>The local cloud is stopping; try again when it has stopped.</translation>
    </message>
    <message>
        <source>The local cloud did not start; the Run panel says why.</source>
        <translation>The local cloud did not start; the Run panel says why.</translation>
    </message>
</context>
<context>
    <name>gatehouse::CodeTabs</name>
    <message>
        <source>Gatehouse cannot open the code of function %1: runtime %2 is not one it runs.</source>
        <translation>Gatehouse cannot open the code of function %1: runtime %2 is not one it runs.</translation>
    </message>
    <message>
        <source>The handler &quot;%1&quot; of function %2 does not name a module in its code folder. Write it as module.function, for example app.lambda_handler.</source>
        <translation>The handler &quot;%1&quot; of function %2 does not name a module in its code folder. Write it as module.function, for example app.lambda_handler.</translation>
    </message>
    <message>
        <source>The handler &quot;%1&quot; of function %2 does not name a file in its code folder. Write it as file.function, for example index.handler.</source>
        <translation>The handler &quot;%1&quot; of function %2 does not name a file in its code folder. Write it as file.function, for example index.handler.</translation>
    </message>
    <message>
        <source>No handler file</source>
        <translation>No handler file</translation>
    </message>
    <message>
        <source>Cannot create the handler file</source>
        <translation>Cannot create the handler file</translation>
    </message>
    <message>
        <source>Wrote a starter handler for function %1 to %2</source>
        <translation>Wrote a starter handler for function %1 to %2</translation>
    </message>
    <message>
        <source>Cannot open the handler file</source>
        <translation>Cannot open the handler file</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: it is open read-only</source>
        <translation>%1 is not UTF-8 text: it is open read-only</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing it?</source>
        <translation>Save the changes to %1 before closing it?</translation>
    </message>
    <message>
        <source>%1*</source>
        <comment>the tab of a file with unsaved changes</comment>
        <translation>%1*</translation>
    </message>
    <message>
        <source>The handler of %1</source>
        <translation>The handler of %1</translation>
    </message>
    <message>
        <source>%1 was deleted or moved away; saving writes it again</source>
        <translation>%1 was deleted or moved away; saving writes it again</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>File changed on disk</translation>
    </message>
    <message>
        <source>%1 was changed by another program, and you have unsaved changes to it here.

Reload it from disk and discard your changes?</source>
        <translation>%1 was changed by another program, and you have unsaved changes to it here.

Reload it from disk and discard your changes?</translation>
    </message>
    <message>
        <source>Reloaded %1: it was changed on disk</source>
        <translation>Reloaded %1: it was changed on disk</translation>
    </message>
</context>
<context>
    <name>gatehouse::CollectionPanel</name>
    <message>
        <source>Run Collection</source>
        <translation>Run Collection</translation>
    </message>
    <message>
        <source>Run Selected</source>
        <translation>Run Selected</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Send every saved request to the local cloud and check its assertions</source>
        <translation>Send every saved request to the local cloud and check its assertions</translation>
    </message>
    <message>
        <source>Send the selected requests only</source>
        <translation>Send the selected requests only</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Assertions</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environment:</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>No environment</translation>
    </message>
    <message>
        <source>The variable set the requests&apos; {{variables}} come from. Each HTTP and REST API&apos;s local URL is always there too ({{api-name}}, {{apiName}}, {{baseUrl}}) and wins, as in gatehouse test.</source>
        <translation>The variable set the requests&apos; {{variables}} come from. Each HTTP and REST API&apos;s local URL is always there too ({{api-name}}, {{apiName}}, {{baseUrl}}) and wins, as in gatehouse test.</translation>
    </message>
    <message>
        <source>The project has no saved requests.</source>
        <translation>The project has no saved requests.</translation>
    </message>
    <message>
        <source>Select requests to run.</source>
        <translation>Select requests to run.</translation>
    </message>
    <message>
        <source>Save the project first: its functions&apos; code lives in its folder.</source>
        <translation>Save the project first: its functions&apos; code lives in its folder.</translation>
    </message>
    <message>
        <source>Starting the local cloud…</source>
        <translation>Starting the local cloud…</translation>
    </message>
    <message numerus="yes">
        <source>Running %n request(s)…</source>
        <translation>
            <numerusform>Running %n request…</numerusform>
            <numerusform>Running %n requests…</numerusform>
        </translation>
    </message>
    <message>
        <source>Ran %1 of %2…</source>
        <translation>Ran %1 of %2…</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>%1 passed, %2 failed</translation>
    </message>
    <message>
        <source>Cancelled: %1 passed, %2 failed, %3 not run</source>
        <translation>Cancelled: %1 passed, %2 failed, %3 not run</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>no response</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Delete Request</source>
        <translation>Delete Request</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 copy</translation>
    </message>
    <message>
        <source>Duplicate request “%1”</source>
        <translation>Duplicate request “%1”</translation>
    </message>
</context>
<context>
    <name>gatehouse::ComboField</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ComposerPage</name>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Save to Collection…</source>
        <translation>Save to Collection…</translation>
    </message>
    <message>
        <source>Environments…</source>
        <translation>Environments…</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Copy as curl</translation>
    </message>
    <message>
        <source>Import from curl…</source>
        <translation>Import from curl…</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>Tests (%1)</source>
        <translation>Tests (%1)</translation>
    </message>
    <message>
        <source>Save to Collection</source>
        <translation>Save to Collection</translation>
    </message>
    <message>
        <source>Add this request to the project&apos;s collection, or update the one of the same name (%1)</source>
        <translation>Add this request to the project&apos;s collection, or update the one of the same name (%1)</translation>
    </message>
    <message>
        <source>Send the request (%1)</source>
        <translation>Send the request (%1)</translation>
    </message>
    <message>
        <source>{{baseUrl}}/path?name=value</source>
        <translation>{{baseUrl}}/path?name=value</translation>
    </message>
    <message>
        <source>Copy the request, variables filled in, as a curl command line</source>
        <translation>Copy the request, variables filled in, as a curl command line</translation>
    </message>
    <message>
        <source>Fill the composer from a pasted curl command line</source>
        <translation>Fill the composer from a pasted curl command line</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Params</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>Auth</translation>
    </message>
    <message>
        <source>Click a request to load it again</source>
        <translation>Click a request to load it again</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environment:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>New Request</source>
        <translation>New Request</translation>
    </message>
    <message>
        <source>Unknown variable: %1 (pick an environment, define it with Environments…, or Run the project for its API URLs)</source>
        <translation>Unknown variable: %1 (pick an environment, define it with Environments…, or Run the project for its API URLs)</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>No environment</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>no response</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>Sent at %1 (%2 ms)</source>
        <translation>Sent at %1 (%2 ms)</translation>
    </message>
    <message>
        <source>Loaded the request from the history</source>
        <translation>Loaded the request from the history</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelled before a response arrived.</source>
        <translation>Cancelled before a response arrived.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>The request history was not saved: %1</source>
        <translation>The request history was not saved: %1</translation>
    </message>
    <message>
        <source>Request name (a request of the same name is replaced):</source>
        <translation>Request name (a request of the same name is replaced):</translation>
    </message>
    <message>
        <source>Not saved: a saved request needs a name.</source>
        <translation>Not saved: a saved request needs a name.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Request %1 is already saved with no changes</source>
        <translation>Request %1 is already saved with no changes</translation>
    </message>
    <message>
        <source>Update request %1</source>
        <translation>Update request %1</translation>
    </message>
    <message>
        <source>Save request %1</source>
        <translation>Save request %1</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>Not copied: %1</translation>
    </message>
    <message>
        <source>Copied the request as a curl command</source>
        <translation>Copied the request as a curl command</translation>
    </message>
    <message>
        <source>Imported the curl command</source>
        <translation>Imported the curl command</translation>
    </message>
    <message>
        <source>Imported the curl command; left out: %1</source>
        <translation>Imported the curl command; left out: %1</translation>
    </message>
    <message>
        <source>No test token: the project has no JWT authorizer.</source>
        <translation>No test token: the project has no JWT authorizer.</translation>
    </message>
    <message>
        <source>Make Test Token</source>
        <translation>Make Test Token</translation>
    </message>
    <message>
        <source>A token for the JWT authorizer:</source>
        <translation>A token for the JWT authorizer:</translation>
    </message>
    <message>
        <source>No test token for %1: %2</source>
        <translation>No test token for %1: %2</translation>
    </message>
    <message>
        <source>A %1 test token for authorizer %2, valid for an hour</source>
        <translation>A %1 test token for authorizer %2, valid for an hour</translation>
    </message>
    <message>
        <source>Edit environments</source>
        <translation>Edit environments</translation>
    </message>
    <message>
        <source>No test token for %1: %2

Create local test keys? Gatehouse makes an RSA key pair, keeps the private key in the project&apos;s .gatehouse/keys folder and points the authorizer&apos;s key set at the public key, so that the local gateway accepts the tokens it signs (and no longer those of the real identity provider). Edit &gt; Undo points it back.</source>
        <translation>No test token for %1: %2

Create local test keys? Gatehouse makes an RSA key pair, keeps the private key in the project&apos;s .gatehouse/keys folder and points the authorizer&apos;s key set at the public key, so that the local gateway accepts the tokens it signs (and no longer those of the real identity provider). Edit &gt; Undo points it back.</translation>
    </message>
    <message>
        <source>No local test keys for %1: %2</source>
        <translation>No local test keys for %1: %2</translation>
    </message>
    <message>
        <source>Use local test keys for %1</source>
        <translation>Use local test keys for %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ComposerRequest</name>
    <message>
        <source>Cannot read the body file %1: %2</source>
        <translation>Cannot read the body file %1: %2</translation>
    </message>
    <message>
        <source>The body file %1 is binary: a saved request keeps its body as text. Paste the text as a raw body instead.</source>
        <translation>The body file %1 is binary: a saved request keeps its body as text. Paste the text as a raw body instead.</translation>
    </message>
    <message>
        <source>Choose the file to send as the body.</source>
        <translation>Choose the file to send as the body.</translation>
    </message>
    <message>
        <source>The body file %1 is larger than 64 MiB.</source>
        <translation>The body file %1 is larger than 64 MiB.</translation>
    </message>
    <message>
        <source>No value for %1 in the chosen environment.</source>
        <translation>No value for %1 in the chosen environment.</translation>
    </message>
    <message>
        <source>Enter a URL to send the request to.</source>
        <translation>Enter a URL to send the request to.</translation>
    </message>
    <message>
        <source>Not an http or https URL: %1</source>
        <translation>Not an http or https URL: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConnectAttempt</name>
    <message>
        <source>the $connect route&apos;s authorizer &apos;%1&apos; is not a Lambda authorizer of this project</source>
        <translation>the $connect route&apos;s authorizer &apos;%1&apos; is not a Lambda authorizer of this project</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos; was not invoked: %2</source>
        <translation>Lambda authorizer &apos;%1&apos; was not invoked: %2</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos;: %2</source>
        <translation>Lambda authorizer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>the $connect mock answered %1</source>
        <translation>the $connect mock answered %1</translation>
    </message>
    <message>
        <source>route &apos;$connect&apos;: HTTP integrations are not supported on WebSocket APIs yet; the connection is accepted without it</source>
        <translation>route &apos;$connect&apos;: HTTP integrations are not supported on WebSocket APIs yet; the connection is accepted without it</translation>
    </message>
    <message>
        <source>route &apos;$connect&apos;: function &apos;%1&apos; failed: %2: %3</source>
        <translation>route &apos;$connect&apos;: function &apos;%1&apos; failed: %2: %3</translation>
    </message>
    <message>
        <source>route &apos;$connect&apos;: function &apos;%1&apos; answered %2</source>
        <translation>route &apos;$connect&apos;: function &apos;%1&apos; answered %2</translation>
    </message>
    <message>
        <source>refused a WebSocket connection: %1</source>
        <translation>refused a WebSocket connection: %1</translation>
    </message>
    <message>
        <source>the client left before the upgrade</source>
        <translation>the client left before the upgrade</translation>
    </message>
</context>
<context>
    <name>gatehouse::CurlImportDialog</name>
    <message>
        <source>Import from curl</source>
        <translation>Import from curl</translation>
    </message>
    <message>
        <source>curl &apos;https://example.com/items&apos; -H &apos;accept: application/json&apos;</source>
        <translation>curl &apos;https://example.com/items&apos; -H &apos;accept: application/json&apos;</translation>
    </message>
    <message>
        <source>Paste a curl command line (bash or Windows cmd):</source>
        <translation>Paste a curl command line (bash or Windows cmd):</translation>
    </message>
</context>
<context>
    <name>gatehouse::DeleteEntityCommand</name>
    <message>
        <source>Delete %1 “%2”</source>
        <translation>Delete %1 “%2”</translation>
    </message>
</context>
<context>
    <name>gatehouse::DesignerPage</name>
    <message>
        <source>Zoom In</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Arrange Automatically</source>
        <translation>Arrange Automatically</translation>
    </message>
    <message>
        <source>Forget where nodes were dragged and lay the canvas out left to right</source>
        <translation>Forget where nodes were dragged and lay the canvas out left to right</translation>
    </message>
</context>
<context>
    <name>gatehouse::DesignerScene</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message numerus="yes">
        <source>%n invocation(s), %1 cold start(s), %2 error(s)</source>
        <translation>
            <numerusform>%n invocation, %1 cold start(s), %2 error(s)</numerusform>
            <numerusform>%n invocations, %1 cold start(s), %2 error(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message numerus="yes">
        <source>%n warm</source>
        <translation>
            <numerusform>%n warm</numerusform>
            <numerusform>%n warm</numerusform>
        </translation>
    </message>
    <message>
        <source>cold</source>
        <translation>cold</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrange the canvas automatically</source>
        <translation>Arrange the canvas automatically</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>Move “%1”</translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hint</translation>
    </message>
</context>
<context>
    <name>gatehouse::DiagnosticsSummary</name>
    <message>
        <source>Show the Diagnostics panel</source>
        <translation>Show the Diagnostics panel</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::DiagnosticsView</name>
    <message>
        <source>No problems found in this project.</source>
        <translation>No problems found in this project.</translation>
    </message>
</context>
<context>
    <name>gatehouse::EdgeItem</name>
    <message>
        <source>On success: the invocation record</source>
        <translation>On success: the invocation record</translation>
    </message>
    <message>
        <source>On failure: the invocation record</source>
        <translation>On failure: the invocation record</translation>
    </message>
</context>
<context>
    <name>gatehouse::EditorPage</name>
    <message>
        <source>%1 is not UTF-8 text, so it was opened read-only.</source>
        <translation>%1 is not UTF-8 text, so it was opened read-only.</translation>
    </message>
</context>
<context>
    <name>gatehouse::EntityText</name>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>Authorizers</source>
        <translation>Authorizers</translation>
    </message>
    <message>
        <source>Buckets</source>
        <translation>Buckets</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Schedules</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation>Saved requests</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>function</source>
        <translation>function</translation>
    </message>
    <message>
        <source>authorizer</source>
        <translation>authorizer</translation>
    </message>
    <message>
        <source>bucket</source>
        <translation>bucket</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>schedule</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>queue</translation>
    </message>
    <message>
        <source>saved request</source>
        <translation>saved request</translation>
    </message>
    <message>
        <source>route</source>
        <translation>route</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>stage</translation>
    </message>
    <message>
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>REST</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>Lambda</source>
        <translation>Lambda</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>mock %1</source>
        <translation>mock %1</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s)</source>
        <translation>
            <numerusform>%n notification</numerusform>
            <numerusform>%n notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (disabled)</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>%1 API</source>
        <translation>%1 API</translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n route</numerusform>
            <numerusform>%n routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message>
        <source>Runtime: %1</source>
        <translation>Runtime: %1</translation>
    </message>
    <message>
        <source>Handler: %1</source>
        <translation>Handler: %1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>%1 MB, %2 s timeout</source>
        <translation>%1 MB, %2 s timeout</translation>
    </message>
</context>
<context>
    <name>gatehouse::EnvironmentsDialog</name>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Environments</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Environments (double-click to rename):</source>
        <translation>Environments (double-click to rename):</translation>
    </message>
    <message>
        <source>Variables, used in requests as {{name}}:</source>
        <translation>Variables, used in requests as {{name}}:</translation>
    </message>
    <message>
        <source>Every environment needs a name.</source>
        <translation>Every environment needs a name.</translation>
    </message>
    <message>
        <source>Two environments are called &quot;%1&quot;; names must differ.</source>
        <translation>Two environments are called &quot;%1&quot;; names must differ.</translation>
    </message>
</context>
<context>
    <name>gatehouse::EventTemplateChoices</name>
    <message>
        <source>API Gateway HTTP API (payload 2.0)</source>
        <translation>API Gateway HTTP API (payload 2.0)</translation>
    </message>
    <message>
        <source>API Gateway REST API (payload 1.0)</source>
        <translation>API Gateway REST API (payload 1.0)</translation>
    </message>
    <message>
        <source>S3 put (ObjectCreated)</source>
        <translation>S3 put (ObjectCreated)</translation>
    </message>
    <message>
        <source>S3 delete (ObjectRemoved)</source>
        <translation>S3 delete (ObjectRemoved)</translation>
    </message>
    <message>
        <source>EventBridge schedule</source>
        <translation>EventBridge schedule</translation>
    </message>
    <message>
        <source>SQS batch</source>
        <translation>SQS batch</translation>
    </message>
    <message>
        <source>WebSocket message</source>
        <translation>WebSocket message</translation>
    </message>
</context>
<context>
    <name>gatehouse::EventsPanel</name>
    <message>
        <source>Invoke</source>
        <translation>Invoke</translation>
    </message>
    <message>
        <source>Invoke Async</source>
        <translation>Invoke Async</translation>
    </message>
    <message>
        <source>The function to invoke</source>
        <translation>The function to invoke</translation>
    </message>
    <message>
        <source>Start the event from a template (the ones gatehouse generate-event prints)</source>
        <translation>Start the event from a template (the ones gatehouse generate-event prints)</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>Saved events of this function, kept in the project under .gatehouse/events</source>
        <translation>Saved events of this function, kept in the project under .gatehouse/events</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the event under this name</source>
        <translation>Save the event under this name</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the saved event of this name</source>
        <translation>Delete the saved event of this name</translation>
    </message>
    <message>
        <source>Invoke synchronously (RequestResponse) and wait for the result</source>
        <translation>Invoke synchronously (RequestResponse) and wait for the result</translation>
    </message>
    <message>
        <source>Invoke asynchronously (Event): accepted at once, run from the queue</source>
        <translation>Invoke asynchronously (Event): accepted at once, run from the queue</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>Function:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Saved event:</source>
        <translation>Saved event:</translation>
    </message>
    <message>
        <source>The local cloud stopped before the invocation finished.</source>
        <translation>The local cloud stopped before the invocation finished.</translation>
    </message>
    <message>
        <source>Save the project first: saved events are kept in its folder.</source>
        <translation>Save the project first: saved events are kept in its folder.</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>Loaded %1</translation>
    </message>
    <message>
        <source>The event is empty: write a JSON value such as {}.</source>
        <translation>The event is empty: write a JSON value such as {}.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Line %1, column %2: %3</translation>
    </message>
    <message>
        <source>Not saved: the event is not valid JSON.</source>
        <translation>Not saved: the event is not valid JSON.</translation>
    </message>
    <message>
        <source>Saved %1 for %2</source>
        <translation>Saved %1 for %2</translation>
    </message>
    <message>
        <source>%1 has no saved event named “%2”.</source>
        <translation>%1 has no saved event named “%2”.</translation>
    </message>
    <message>
        <source>Delete Saved Event</source>
        <translation>Delete Saved Event</translation>
    </message>
    <message>
        <source>Delete the saved event “%1” of %2?</source>
        <translation>Delete the saved event “%1” of %2?</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Deleted %1</translation>
    </message>
    <message>
        <source>The project has no function to invoke.</source>
        <translation>The project has no function to invoke.</translation>
    </message>
    <message>
        <source>Not invoked: the event is not valid JSON (%1)</source>
        <translation>Not invoked: the event is not valid JSON (%1)</translation>
    </message>
    <message>
        <source>Save the project first: its functions&apos; code lives in its folder.</source>
        <translation>Save the project first: its functions&apos; code lives in its folder.</translation>
    </message>
    <message>
        <source>Invoking %1…</source>
        <translation>Invoking %1…</translation>
    </message>
    <message>
        <source>Starting the local cloud…</source>
        <translation>Starting the local cloud…</translation>
    </message>
    <message>
        <source>The local cloud is not running.</source>
        <translation>The local cloud is not running.</translation>
    </message>
</context>
<context>
    <name>gatehouse::Export</name>
    <message>
        <source>unknown field(s) %1 are not exported to %2: this version of Gatehouse does not know what they mean</source>
        <translation>unknown field(s) %1 are not exported to %2: this version of Gatehouse does not know what they mean</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; does not exist; this is not exported to %2</source>
        <translation>function &apos;%1&apos; does not exist; this is not exported to %2</translation>
    </message>
    <message numerus="yes">
        <source>%n saved request(s) are not part of an AWS SAM template</source>
        <translation>
            <numerusform>%n saved request is not part of an AWS SAM template</numerusform>
            <numerusform>%n saved requests are not part of an AWS SAM template</numerusform>
        </translation>
    </message>
    <message>
        <source>export them with --format postman</source>
        <translation>export them with --format postman</translation>
    </message>
    <message>
        <source>request environments are not part of an AWS SAM template</source>
        <translation>request environments are not part of an AWS SAM template</translation>
    </message>
    <message>
        <source>code of function &apos;%1&apos; not copied: %2</source>
        <translation>code of function &apos;%1&apos; not copied: %2</translation>
    </message>
    <message>
        <source>the project has nothing an AWS SAM template can hold</source>
        <translation>the project has nothing an AWS SAM template can hold</translation>
    </message>
    <message>
        <source>add a function first</source>
        <translation>add a function first</translation>
    </message>
    <message>
        <source>the embedded &apos;javascript&apos; runtime does not exist on AWS Lambda; exported to %1 as %2 with the generated wrapper %3</source>
        <translation>the embedded &apos;javascript&apos; runtime does not exist on AWS Lambda; exported to %1 as %2 with the generated wrapper %3</translation>
    </message>
    <message>
        <source>deploy the wrapper with the code; Lambda runs it as %1</source>
        <translation>deploy the wrapper with the code; Lambda runs it as %1</translation>
    </message>
    <message>
        <source>dead-letter queue &apos;%1&apos; does not exist; the redrive policy is not exported to %2</source>
        <translation>dead-letter queue &apos;%1&apos; does not exist; the redrive policy is not exported to %2</translation>
    </message>
    <message>
        <source>identity source(s) %1 have no %2 equivalent and are not exported</source>
        <translation>identity source(s) %1 have no %2 equivalent and are not exported</translation>
    </message>
    <message>
        <source>jwksUri is not exported to %1: API Gateway&apos;s JWT authorizer finds the keys through the issuer&apos;s OpenID discovery document</source>
        <translation>jwksUri is not exported to %1: API Gateway&apos;s JWT authorizer finds the keys through the issuer&apos;s OpenID discovery document</translation>
    </message>
    <message>
        <source>HTTP APIs have no TOKEN authorizers; exported to %1 as a REQUEST authorizer reading the same identity sources</source>
        <translation>HTTP APIs have no TOKEN authorizers; exported to %1 as a REQUEST authorizer reading the same identity sources</translation>
    </message>
    <message>
        <source>a TOKEN authorizer reads one header; only the first is exported to %1</source>
        <translation>a TOKEN authorizer reads one header; only the first is exported to %1</translation>
    </message>
    <message>
        <source>payloadFormatVersion and enableSimpleResponses apply to HTTP APIs only; they are not exported to %1 for a REST API</source>
        <translation>payloadFormatVersion and enableSimpleResponses apply to HTTP APIs only; they are not exported to %1 for a REST API</translation>
    </message>
    <message>
        <source>stage &apos;%1&apos; is not exported: an AWS SAM %2 has exactly one stage</source>
        <translation>stage &apos;%1&apos; is not exported: an AWS SAM %2 has exactly one stage</translation>
    </message>
    <message>
        <source>access logging is not exported to %1: it needs a CloudWatch log group ARN</source>
        <translation>access logging is not exported to %1: it needs a CloudWatch log group ARN</translation>
    </message>
    <message>
        <source>custom domain &apos;%1&apos; is not exported to %2: it needs an ACM certificate ARN</source>
        <translation>custom domain &apos;%1&apos; is not exported to %2: it needs an ACM certificate ARN</translation>
    </message>
    <message>
        <source>the API-wide throttling is not exported to %1: the stage&apos;s own throttling replaces it on the single exported stage</source>
        <translation>the API-wide throttling is not exported to %1: the stage&apos;s own throttling replaces it on the single exported stage</translation>
    </message>
    <message>
        <source>a REST API answers CORS with one origin; only &apos;%1&apos; is exported to %2</source>
        <translation>a REST API answers CORS with one origin; only &apos;%1&apos; is exported to %2</translation>
    </message>
    <message>
        <source>SAM&apos;s REST API CORS has no expose-headers setting; it is not exported to %1</source>
        <translation>SAM&apos;s REST API CORS has no expose-headers setting; it is not exported to %1</translation>
    </message>
    <message>
        <source>REST APIs have no $default stage; exported to %1 with the stage &apos;dev&apos;</source>
        <translation>REST APIs have no $default stage; exported to %1 with the stage &apos;dev&apos;</translation>
    </message>
    <message>
        <source>REST API &apos;%1&apos; uses several API-key authorizers; %2 creates one usage plan per API, so only &apos;%3&apos; defines it</source>
        <translation>REST API &apos;%1&apos; uses several API-key authorizers; %2 creates one usage plan per API, so only &apos;%3&apos; defines it</translation>
    </message>
    <message>
        <source>%1 integration of route &apos;%2&apos; is not exported: %3 function events can only connect a route to a Lambda function</source>
        <translation>%1 integration of route &apos;%2&apos; is not exported: %3 function events can only connect a route to a Lambda function</translation>
    </message>
    <message>
        <source>the mock</source>
        <translation>the mock</translation>
    </message>
    <message>
        <source>the HTTP proxy</source>
        <translation>the HTTP proxy</translation>
    </message>
    <message>
        <source>export the API with --format openapi, which keeps these integrations</source>
        <translation>export the API with --format openapi, which keeps these integrations</translation>
    </message>
    <message>
        <source>REST APIs have no $default route; it is not exported to %1</source>
        <translation>REST APIs have no $default route; it is not exported to %1</translation>
    </message>
    <message>
        <source>parameter mappings are not exported to %1: SAM function events have no place for them</source>
        <translation>parameter mappings are not exported to %1: SAM function events have no place for them</translation>
    </message>
    <message>
        <source>export the API with --format openapi, which keeps them</source>
        <translation>export the API with --format openapi, which keeps them</translation>
    </message>
    <message>
        <source>REST APIs always send payload format 1.0; version %1 is not exported to %2</source>
        <translation>REST APIs always send payload format 1.0; version %1 is not exported to %2</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; does not exist; the route is exported to %2 without it</source>
        <translation>authorizer &apos;%1&apos; does not exist; the route is exported to %2 without it</translation>
    </message>
    <message>
        <source>HTTP APIs have no API keys; the API key requirement of route &apos;%1&apos; is not exported to %2</source>
        <translation>HTTP APIs have no API keys; the API key requirement of route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>REST APIs have no JWT authorizers; the JWT authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>REST APIs have no JWT authorizers; the JWT authorizer of route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>authorization scopes need a JWT or Cognito authorizer; they are not exported to %1 for a REST API Lambda authorizer</source>
        <translation>authorization scopes need a JWT or Cognito authorizer; they are not exported to %1 for a REST API Lambda authorizer</translation>
    </message>
    <message>
        <source>API-key authorizer &apos;%1&apos; has no keys; SAM generates one with a random value</source>
        <translation>API-key authorizer &apos;%1&apos; has no keys; SAM generates one with a random value</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is used by no route; %2 declares authorizers per API, so it is not exported</source>
        <translation>authorizer &apos;%1&apos; is used by no route; %2 declares authorizers per API, so it is not exported</translation>
    </message>
    <message>
        <source>API-wide throttling of a WebSocket API is exported to %1 as each stage&apos;s default route settings</source>
        <translation>API-wide throttling of a WebSocket API is exported to %1 as each stage&apos;s default route settings</translation>
    </message>
    <message>
        <source>the mock integration of WebSocket route &apos;%1&apos; is not exported to %2</source>
        <translation>the mock integration of WebSocket route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>per-route throttling of WebSocket route &apos;%1&apos; is not exported to %2</source>
        <translation>per-route throttling of WebSocket route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>WebSocket APIs take a Lambda authorizer on $connect only; the authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>WebSocket APIs take a Lambda authorizer on $connect only; the authorizer of route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>stage variables of stage &apos;%1&apos; are not exported: %2 describes routes, not stages</source>
        <translation>stage variables of stage &apos;%1&apos; are not exported: %2 describes routes, not stages</translation>
    </message>
    <message>
        <source>throttling of stage &apos;%1&apos; is not exported: %2 has no throttling extension</source>
        <translation>throttling of stage &apos;%1&apos; is not exported: %2 has no throttling extension</translation>
    </message>
    <message>
        <source>access logging of stage &apos;%1&apos; is not exported to %2</source>
        <translation>access logging of stage &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>API throttling is not exported: %1 has no throttling extension</source>
        <translation>API throttling is not exported: %1 has no throttling extension</translation>
    </message>
    <message>
        <source>custom domain &apos;%1&apos; is not exported to %2</source>
        <translation>custom domain &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>REST API CORS is not exported to %1: API Gateway implements it with OPTIONS methods and response headers, which this export does not generate</source>
        <translation>REST API CORS is not exported to %1: API Gateway implements it with OPTIONS methods and response headers, which this export does not generate</translation>
    </message>
    <message>
        <source>the AWS SAM export keeps it (Api Cors)</source>
        <translation>the AWS SAM export keeps it (Api Cors)</translation>
    </message>
    <message>
        <source>WebSocket API &apos;%1&apos; is not exported: OpenAPI describes HTTP request/response APIs only</source>
        <translation>WebSocket API &apos;%1&apos; is not exported: OpenAPI describes HTTP request/response APIs only</translation>
    </message>
    <message>
        <source>the AWS SAM export includes it</source>
        <translation>the AWS SAM export includes it</translation>
    </message>
    <message>
        <source>the project has no HTTP or REST API to describe in OpenAPI</source>
        <translation>the project has no HTTP or REST API to describe in OpenAPI</translation>
    </message>
    <message>
        <source>functions (code, runtime, memory), buckets, queues and schedules are not part of an OpenAPI document: routes name their functions by ARN only</source>
        <translation>functions (code, runtime, memory), buckets, queues and schedules are not part of an OpenAPI document: routes name their functions by ARN only</translation>
    </message>
    <message>
        <source>the AWS SAM and serverless.yml exports include them</source>
        <translation>the AWS SAM and serverless.yml exports include them</translation>
    </message>
    <message>
        <source>saved requests are not exported to OpenAPI</source>
        <translation>saved requests are not exported to OpenAPI</translation>
    </message>
    <message>
        <source>method &apos;%1&apos; cannot be described in %2; the route is not exported</source>
        <translation>method &apos;%1&apos; cannot be described in %2; the route is not exported</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is defined twice; only the first is exported to %2</source>
        <translation>route &apos;%1&apos; is defined twice; only the first is exported to %2</translation>
    </message>
    <message>
        <source>throttling of route &apos;%1&apos; is not exported: %2 has no throttling extension</source>
        <translation>throttling of route &apos;%1&apos; is not exported: %2 has no throttling extension</translation>
    </message>
    <message>
        <source>the authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>the authorizer of route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; does not exist; route &apos;%2&apos; is not exported to %3</source>
        <translation>function &apos;%1&apos; does not exist; route &apos;%2&apos; is not exported to %3</translation>
    </message>
    <message>
        <source>HTTP APIs on AWS have no mock integrations; route &apos;%1&apos; is exported to %2 with one, which API Gateway will reject for an HTTP API</source>
        <translation>HTTP APIs on AWS have no mock integrations; route &apos;%1&apos; is exported to %2 with one, which API Gateway will reject for an HTTP API</translation>
    </message>
    <message>
        <source>HTTP API parameter mappings do not apply to REST APIs; they are not exported to %1</source>
        <translation>HTTP API parameter mappings do not apply to REST APIs; they are not exported to %1</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; of authorizer &apos;%2&apos; does not exist; the authorizer is not exported to %3</source>
        <translation>function &apos;%1&apos; of authorizer &apos;%2&apos; does not exist; the authorizer is not exported to %3</translation>
    </message>
    <message>
        <source>the keys and usage plan of API-key authorizer &apos;%1&apos; are not exported: %2 only says that routes need a key</source>
        <translation>the keys and usage plan of API-key authorizer &apos;%1&apos; are not exported: %2 only says that routes need a key</translation>
    </message>
    <message>
        <source>the AWS SAM export keeps keys and usage plans</source>
        <translation>the AWS SAM export keeps keys and usage plans</translation>
    </message>
    <message>
        <source>%1 APIs have no %2 authorizers; authorizer &apos;%3&apos; is not exported to %4</source>
        <translation>%1 APIs have no %2 authorizers; authorizer &apos;%3&apos; is not exported to %4</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; is exported to %2 as &apos;%3&apos; (letters, digits, &apos;-&apos; and &apos;_&apos; only)</source>
        <translation>function &apos;%1&apos; is exported to %2 as &apos;%3&apos; (letters, digits, &apos;-&apos; and &apos;_&apos; only)</translation>
    </message>
    <message>
        <source>saved requests are not part of serverless.yml</source>
        <translation>saved requests are not part of serverless.yml</translation>
    </message>
    <message>
        <source>the project has no functions; a serverless.yml service needs at least one</source>
        <translation>the project has no functions; a serverless.yml service needs at least one</translation>
    </message>
    <message>
        <source>a %1 service has one API of each kind; the routes of &apos;%2&apos; are merged into &apos;%3&apos;</source>
        <translation>a %1 service has one API of each kind; the routes of &apos;%2&apos; are merged into &apos;%3&apos;</translation>
    </message>
    <message>
        <source>API throttling is not exported: %1 has no throttling setting for %2</source>
        <translation>API throttling is not exported: %1 has no throttling setting for %2</translation>
    </message>
    <message>
        <source>stage variables of stage &apos;%1&apos; are not exported: %2 has no stage variables</source>
        <translation>stage variables of stage &apos;%1&apos; are not exported: %2 has no stage variables</translation>
    </message>
    <message>
        <source>throttling of stage &apos;%1&apos; is not exported to %2</source>
        <translation>throttling of stage &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>the access log format of stage &apos;%1&apos; is not exported to %2</source>
        <translation>the access log format of stage &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>custom domain &apos;%1&apos; is not exported to %2 (it needs the serverless-domain-manager plugin)</source>
        <translation>custom domain &apos;%1&apos; is not exported to %2 (it needs the serverless-domain-manager plugin)</translation>
    </message>
    <message>
        <source>%1 deploys HTTP APIs to the $default stage; stage &apos;%2&apos; is not exported</source>
        <translation>%1 deploys HTTP APIs to the $default stage; stage &apos;%2&apos; is not exported</translation>
    </message>
    <message>
        <source>%1 deploys one stage at a time (provider.stage: %2); stage &apos;%3&apos; is not exported</source>
        <translation>%1 deploys one stage at a time (provider.stage: %2); stage &apos;%3&apos; is not exported</translation>
    </message>
    <message>
        <source>%1 integration of route &apos;%2&apos; is not exported: %3 events connect routes to functions only</source>
        <translation>%1 integration of route &apos;%2&apos; is not exported: %3 events connect routes to functions only</translation>
    </message>
    <message>
        <source>throttling of route &apos;%1&apos; is not exported: %2 has no per-route throttling</source>
        <translation>throttling of route &apos;%1&apos; is not exported: %2 has no per-route throttling</translation>
    </message>
    <message>
        <source>parameter mappings of route &apos;%1&apos; are not exported to %2</source>
        <translation>parameter mappings of route &apos;%1&apos; are not exported to %2</translation>
    </message>
    <message>
        <source>payload format %1 of route &apos;%2&apos; is not exported: %3 sets one version for the whole HTTP API (2.0)</source>
        <translation>payload format %1 of route &apos;%2&apos; is not exported: %3 sets one version for the whole HTTP API (2.0)</translation>
    </message>
    <message>
        <source>the integration timeout of route &apos;%1&apos; is not exported: %2 derives it from the function&apos;s timeout</source>
        <translation>the integration timeout of route &apos;%1&apos; is not exported: %2 derives it from the function&apos;s timeout</translation>
    </message>
    <message>
        <source>the authorizer of the $default route is not exported to %1</source>
        <translation>the authorizer of the $default route is not exported to %1</translation>
    </message>
    <message>
        <source>%1 has no expose-headers setting for REST API CORS; it is not exported</source>
        <translation>%1 has no expose-headers setting for REST API CORS; it is not exported</translation>
    </message>
    <message>
        <source>the integration timeout of WebSocket route &apos;%1&apos; is not exported to %2</source>
        <translation>the integration timeout of WebSocket route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>REST APIs have no JWT authorizers; the authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>REST APIs have no JWT authorizers; the authorizer of route &apos;%1&apos; is not exported to %2</translation>
    </message>
    <message>
        <source>assertion &apos;%1 %2 %3&apos; has no Postman test equivalent and is not exported</source>
        <translation>assertion &apos;%1 %2 %3&apos; has no Postman test equivalent and is not exported</translation>
    </message>
    <message>
        <source>the project has no saved requests; the collection is empty</source>
        <translation>the project has no saved requests; the collection is empty</translation>
    </message>
    <message>
        <source>functions, APIs and other resources are not part of a Postman collection</source>
        <translation>functions, APIs and other resources are not part of a Postman collection</translation>
    </message>
    <message>
        <source>export them with --format sam</source>
        <translation>export them with --format sam</translation>
    </message>
    <message>
        <source>there is no HTTP or REST API at this position to describe in OpenAPI</source>
        <translation>there is no HTTP or REST API at this position to describe in OpenAPI</translation>
    </message>
    <message>
        <source>%1 cannot name an SQS dead-letter queue for a function (onError takes SNS topics only); dead-letter queue &apos;%2&apos; is not exported</source>
        <translation>%1 cannot name an SQS dead-letter queue for a function (onError takes SNS topics only); dead-letter queue &apos;%2&apos; is not exported</translation>
    </message>
</context>
<context>
    <name>gatehouse::ExportDialog</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the functions&apos; &amp;code beside the template</source>
        <translation>Copy the functions&apos; &amp;code beside the template</translation>
    </message>
    <message>
        <source>Write &amp;JSON instead of YAML</source>
        <translation>Write &amp;JSON instead of YAML</translation>
    </message>
    <message>
        <source>The &amp;buckets exist already</source>
        <translation>The &amp;buckets exist already</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>Export Project</source>
        <translation>Export Project</translation>
    </message>
    <message>
        <source>AWS SAM template</source>
        <translation>AWS SAM template</translation>
    </message>
    <message>
        <source>OpenAPI 3.0 with API Gateway extensions</source>
        <translation>OpenAPI 3.0 with API Gateway extensions</translation>
    </message>
    <message>
        <source>serverless.yml (Serverless Framework v3)</source>
        <translation>serverless.yml (Serverless Framework v3)</translation>
    </message>
    <message>
        <source>Postman collection and environments</source>
        <translation>Postman collection and environments</translation>
    </message>
    <message>
        <source>All HTTP and REST APIs, one document each</source>
        <translation>All HTTP and REST APIs, one document each</translation>
    </message>
    <message>
        <source>The exported folder then deploys on its own (sam deploy, serverless deploy).</source>
        <translation>The exported folder then deploys on its own (sam deploy, serverless deploy).</translation>
    </message>
    <message>
        <source>The buckets are created outside this service; s3 events get existing: true.</source>
        <translation>The buckets are created outside this service; s3 events get existing: true.</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Nothing is left out: %1 holds everything in this project.</source>
        <translation>Nothing is left out: %1 holds everything in this project.</translation>
    </message>
    <message>
        <source>Export to File</source>
        <translation>Export to File</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 files (*.%2)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>Export to Folder</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>Choose where to write the export.</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>Gatehouse could not write the export:

%1</source>
        <translation>Gatehouse could not write the export:

%1</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Replace Files?</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in “%1” already exist with other contents:

%2

Replace them?</source>
        <translation>
            <numerusform>%n file in “%1” already exists with other contents:

%2

Replace it?</numerusform>
            <numerusform>%n files in “%1” already exist with other contents:

%2

Replace them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n file written</numerusform>
            <numerusform>%n files written</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n already up to date</numerusform>
            <numerusform>%n already up to date</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 to %2 (%3; %4).</source>
        <translation>Exported %1 to %2 (%3; %4).</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ExportFilesView</name>
    <message>
        <source>the exported document</source>
        <translation>the exported document</translation>
    </message>
    <message>
        <source>generated by Gatehouse so the export works on AWS</source>
        <translation>generated by Gatehouse so the export works on AWS</translation>
    </message>
    <message>
        <source>a copy of the function&apos;s code</source>
        <translation>a copy of the function&apos;s code</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>On disk</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>Nothing to export.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n byte(s))</source>
        <translation>
            <numerusform>%1 (%2, %n byte)</numerusform>
            <numerusform>%1 (%2, %n bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>replaces a file</source>
        <translation>replaces a file</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message numerus="yes">
        <source>(binary file, %n byte(s))</source>
        <translation>
            <numerusform>(binary file, %n byte)</numerusform>
            <numerusform>(binary file, %n bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>… (the preview shows the first %1 KiB of %2 KiB)</source>
        <translation>… (the preview shows the first %1 KiB of %2 KiB)</translation>
    </message>
</context>
<context>
    <name>gatehouse::FieldFrame</name>
    <message>
        <source>%1 — %2</source>
        <comment>problem message — hint</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::FindBar</name>
    <message>
        <source>Previous match (Shift+F3, Shift+Enter)</source>
        <translation>Previous match (Shift+F3, Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>Next match (F3, Enter)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Match case</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>Invalid regular expression</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>No matches</translation>
    </message>
</context>
<context>
    <name>gatehouse::FunctionForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>javascript (embedded)</source>
        <translation>javascript (embedded)</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Runtime</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>file.function, e.g. index.handler</source>
        <translation>file.function, e.g. index.handler</translation>
    </message>
    <message>
        <source>Code folder</source>
        <translation>Code folder</translation>
    </message>
    <message>
        <source>relative to the project folder</source>
        <translation>relative to the project folder</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>128 to 10,240 MB in 1 MB steps; the arrows move by 64 MB. Lambda gives a function one vCPU at 1,769 MB.</source>
        <translation>128 to 10,240 MB in 1 MB steps; the arrows move by 64 MB. Lambda gives a function one vCPU at 1,769 MB.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>1 to 900 seconds (15 minutes)</source>
        <translation>1 to 900 seconds (15 minutes)</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Reserved concurrency</source>
        <translation>Reserved concurrency</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>Environments kept for this function alone, and its maximum; 0 throttles every call.</source>
        <translation>Environments kept for this function alone, and its maximum; 0 throttles every call.</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Environment variables</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Asynchronous invocation</source>
        <translation>Asynchronous invocation</translation>
    </message>
    <message>
        <source>Retry attempts</source>
        <translation>Retry attempts</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Retries after a function error: 0 to 2 (Lambda&apos;s default is 2).</source>
        <translation>Retries after a function error: 0 to 2 (Lambda&apos;s default is 2).</translation>
    </message>
    <message>
        <source>Maximum event age</source>
        <translation>Maximum event age</translation>
    </message>
    <message>
        <source>60 s to 6 hours (21,600 s, the default): older events are discarded unrun.</source>
        <translation>60 s to 6 hours (21,600 s, the default): older events are discarded unrun.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Queue %1</source>
        <translation>Queue %1</translation>
    </message>
    <message>
        <source>Function %1</source>
        <translation>Function %1</translation>
    </message>
    <message>
        <source>On success</source>
        <translation>On success</translation>
    </message>
    <message>
        <source>Receives the invocation record of each event the function handled.</source>
        <translation>Receives the invocation record of each event the function handled.</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>On failure</translation>
    </message>
    <message>
        <source>Receives the invocation record of each event that failed every attempt or grew too old.</source>
        <translation>Receives the invocation record of each event that failed every attempt or grew too old.</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>Dead-letter queue</translation>
    </message>
    <message>
        <source>Receives the bare event of each event that failed every attempt.</source>
        <translation>Receives the bare event of each event that failed every attempt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::GatewayExchange</name>
    <message>
        <source>no base path mapping of %1 matches %2</source>
        <translation>no base path mapping of %1 matches %2</translation>
    </message>
    <message>
        <source>no stage of API &apos;%1&apos; matches the path %2</source>
        <translation>no stage of API &apos;%1&apos; matches the path %2</translation>
    </message>
    <message>
        <source>no route matches %1 %2</source>
        <translation>no route matches %1 %2</translation>
    </message>
    <message>
        <source>throttled: the rate or burst limit of stage &apos;%1&apos; or route &apos;%2&apos; is used up</source>
        <translation>throttled: the rate or burst limit of stage &apos;%1&apos; or route &apos;%2&apos; is used up</translation>
    </message>
    <message>
        <source>the route&apos;s authorizer &apos;%1&apos; does not exist</source>
        <translation>the route&apos;s authorizer &apos;%1&apos; does not exist</translation>
    </message>
    <message>
        <source>x-api-key is missing or not a key of usage plan &apos;%1&apos;</source>
        <translation>x-api-key is missing or not a key of usage plan &apos;%1&apos;</translation>
    </message>
    <message>
        <source>usage plan &apos;%1&apos; throttled key &apos;%2&apos;</source>
        <translation>usage plan &apos;%1&apos; throttled key &apos;%2&apos;</translation>
    </message>
    <message>
        <source>usage plan &apos;%1&apos;: key &apos;%2&apos; used its quota (%3 requests)</source>
        <translation>usage plan &apos;%1&apos;: key &apos;%2&apos; used its quota (%3 requests)</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos; has no keys</source>
        <translation>JWT authorizer &apos;%1&apos; has no keys</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: %2</source>
        <translation>JWT authorizer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos; was not invoked: %2</source>
        <translation>Lambda authorizer &apos;%1&apos; was not invoked: %2</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos; did not answer within %2 s</source>
        <translation>Lambda authorizer &apos;%1&apos; did not answer within %2 s</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos;: %2</source>
        <translation>Lambda authorizer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; did not answer within the integration timeout of %2 ms</source>
        <translation>function &apos;%1&apos; did not answer within the integration timeout of %2 ms</translation>
    </message>
    <message>
        <source>Lambda refused to invoke &apos;%1&apos;: %2</source>
        <translation>Lambda refused to invoke &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; failed: %2</source>
        <translation>function &apos;%1&apos; failed: %2</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; returned a response API Gateway cannot use: %2</source>
        <translation>function &apos;%1&apos; returned a response API Gateway cannot use: %2</translation>
    </message>
    <message>
        <source>HTTP integration: %1</source>
        <translation>HTTP integration: %1</translation>
    </message>
    <message>
        <source>invalid integration URL %1</source>
        <translation>invalid integration URL %1</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms</source>
        <translation>%1 did not answer within %2 ms</translation>
    </message>
    <message>
        <source>HTTP integration %1 failed: %2</source>
        <translation>HTTP integration %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::Import</name>
    <message>
        <source>unknown alias</source>
        <translation>unknown alias</translation>
    </message>
    <message>
        <source>aliases as mapping keys are not supported</source>
        <translation>aliases as mapping keys are not supported</translation>
    </message>
    <message>
        <source>the document expands to more than %1 nodes (a YAML alias bomb?)</source>
        <translation>the document expands to more than %1 nodes (a YAML alias bomb?)</translation>
    </message>
    <message>
        <source>complex mapping keys are not supported</source>
        <translation>complex mapping keys are not supported</translation>
    </message>
    <message>
        <source>the document nests deeper than %1 levels</source>
        <translation>the document nests deeper than %1 levels</translation>
    </message>
    <message>
        <source>file is too large (%1 bytes; the limit is %2 bytes)</source>
        <translation>file is too large (%1 bytes; the limit is %2 bytes)</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>file is empty</translation>
    </message>
    <message>
        <source>the file holds several YAML documents; only the first is read</source>
        <translation>the file holds several YAML documents; only the first is read</translation>
    </message>
    <message>
        <source>this does not look like a template, definition or collection</source>
        <translation>this does not look like a template, definition or collection</translation>
    </message>
    <message>
        <source>invalid YAML: %1</source>
        <translation>invalid YAML: %1</translation>
    </message>
    <message>
        <source>fix the syntax at the given line and column</source>
        <translation>fix the syntax at the given line and column</translation>
    </message>
    <message>
        <source>cannot read YAML: %1</source>
        <translation>cannot read YAML: %1</translation>
    </message>
    <message>
        <source>duplicate key; the last value is used</source>
        <translation>duplicate key; the last value is used</translation>
    </message>
    <message>
        <source>Globals is not a mapping; it is ignored</source>
        <translation>Globals is not a mapping; it is ignored</translation>
    </message>
    <message>
        <source>Globals for %1 are not imported: Gatehouse has no such resource</source>
        <translation>Globals for %1 are not imported: Gatehouse has no such resource</translation>
    </message>
    <message>
        <source>the template has no Resources mapping</source>
        <translation>the template has no Resources mapping</translation>
    </message>
    <message>
        <source>a SAM template lists its functions and APIs under Resources</source>
        <translation>a SAM template lists its functions and APIs under Resources</translation>
    </message>
    <message>
        <source>resource has no Type; it is ignored</source>
        <translation>resource has no Type; it is ignored</translation>
    </message>
    <message>
        <source>resource is not imported: its condition &apos;%1&apos; is false with the parameters&apos; default values</source>
        <translation>resource is not imported: its condition &apos;%1&apos; is false with the parameters&apos; default values</translation>
    </message>
    <message>
        <source>Properties is not a mapping; it is ignored</source>
        <translation>Properties is not a mapping; it is ignored</translation>
    </message>
    <message>
        <source>IAM permissions are not emulated: every local function may use every local resource</source>
        <translation>IAM permissions are not emulated: every local function may use every local resource</translation>
    </message>
    <message>
        <source>resource type %1 is not imported: Gatehouse has no equivalent</source>
        <translation>resource type %1 is not imported: Gatehouse has no equivalent</translation>
    </message>
    <message>
        <source>Outputs are not imported; an AWS SAM export writes the endpoint URLs again</source>
        <translation>Outputs are not imported; an AWS SAM export writes the endpoint URLs again</translation>
    </message>
    <message>
        <source>value %1 cannot be evaluated locally and is not imported</source>
        <translation>value %1 cannot be evaluated locally and is not imported</translation>
    </message>
    <message>
        <source>expected a whole number, found &apos;%1&apos;; it is ignored</source>
        <translation>expected a whole number, found &apos;%1&apos;; it is ignored</translation>
    </message>
    <message>
        <source>%1 property %2 is not imported: Gatehouse does not model it</source>
        <translation>%1 property %2 is not imported: Gatehouse does not model it</translation>
    </message>
    <message>
        <source>the file is not a mapping; a SAM template starts with keys such as Resources</source>
        <translation>the file is not a mapping; a SAM template starts with keys such as Resources</translation>
    </message>
    <message>
        <source>the template does not declare Transform: AWS::Serverless-2016-10-31; it is read as plain CloudFormation</source>
        <translation>the template does not declare Transform: AWS::Serverless-2016-10-31; it is read as plain CloudFormation</translation>
    </message>
    <message>
        <source>the template has no resource Gatehouse can import</source>
        <translation>the template has no resource Gatehouse can import</translation>
    </message>
    <message>
        <source>Gatehouse imports functions, APIs, buckets, queues and schedules</source>
        <translation>Gatehouse imports functions, APIs, buckets, queues and schedules</translation>
    </message>
    <message>
        <source>filter rule &apos;%1&apos; is not imported</source>
        <translation>filter rule &apos;%1&apos; is not imported</translation>
    </message>
    <message>
        <source>the notification&apos;s function is not in the template; it is not imported</source>
        <translation>the notification&apos;s function is not in the template; it is not imported</translation>
    </message>
    <message>
        <source>bucket notifications to %1 are not imported: Gatehouse buckets notify functions only</source>
        <translation>bucket notifications to %1 are not imported: Gatehouse buckets notify functions only</translation>
    </message>
    <message>
        <source>dead-letter queue &apos;%1&apos; is not in the template; create it in the project to use it</source>
        <translation>dead-letter queue &apos;%1&apos; is not in the template; create it in the project to use it</translation>
    </message>
    <message>
        <source>function has no Runtime (container images are not supported); the embedded JavaScript runtime is assumed</source>
        <translation>function has no Runtime (container images are not supported); the embedded JavaScript runtime is assumed</translation>
    </message>
    <message>
        <source>set the runtime and handler in the imported project</source>
        <translation>set the runtime and handler in the imported project</translation>
    </message>
    <message>
        <source>only the first architecture is imported</source>
        <translation>only the first architecture is imported</translation>
    </message>
    <message>
        <source>a plain AWS::Lambda::Function has no event sources of its own; its triggers (permissions, event source mappings) are not imported</source>
        <translation>a plain AWS::Lambda::Function has no event sources of its own; its triggers (permissions, event source mappings) are not imported</translation>
    </message>
    <message>
        <source>%1 refers to %2, which is not modelled locally; the variable is set to &apos;%2&apos;</source>
        <translation>%1 refers to %2, which is not modelled locally; the variable is set to &apos;%2&apos;</translation>
    </message>
    <message>
        <source>value %1 cannot be evaluated locally; the variable is not imported</source>
        <translation>value %1 cannot be evaluated locally; the variable is not imported</translation>
    </message>
    <message>
        <source>the code is not in a folder beside the template (%1); a stub is written to %2</source>
        <translation>the code is not in a folder beside the template (%1); a stub is written to %2</translation>
    </message>
    <message>
        <source>S3 location</source>
        <translation>S3 location</translation>
    </message>
    <message>
        <source>code folder not copied (%1); a stub is written instead</source>
        <translation>code folder not copied (%1); a stub is written instead</translation>
    </message>
    <message>
        <source>code folder partly copied: %1</source>
        <translation>code folder partly copied: %1</translation>
    </message>
    <message>
        <source>no stub can be written for runtime &apos;%1&apos;; add the code yourself</source>
        <translation>no stub can be written for runtime &apos;%1&apos;; add the code yourself</translation>
    </message>
    <message>
        <source>default authorizer &apos;%1&apos; is not imported</source>
        <translation>default authorizer &apos;%1&apos; is not imported</translation>
    </message>
    <message>
        <source>Auth setting %1 is not imported</source>
        <translation>Auth setting %1 is not imported</translation>
    </message>
    <message>
        <source>default scopes of an authorizer are not imported; set them on each route</source>
        <translation>default scopes of an authorizer are not imported; set them on each route</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is neither a JWT nor a Lambda authorizer; it is not imported</source>
        <translation>authorizer &apos;%1&apos; is neither a JWT nor a Lambda authorizer; it is not imported</translation>
    </message>
    <message>
        <source>Cognito authorizer &apos;%1&apos; is not imported: Gatehouse emulates JWT and Lambda authorizers</source>
        <translation>Cognito authorizer &apos;%1&apos; is not imported: Gatehouse emulates JWT and Lambda authorizers</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is not a Lambda authorizer; it is not imported</source>
        <translation>authorizer &apos;%1&apos; is not a Lambda authorizer; it is not imported</translation>
    </message>
    <message>
        <source>a JWT authorizer on an HTTP API can check Cognito tokens locally</source>
        <translation>a JWT authorizer on an HTTP API can check Cognito tokens locally</translation>
    </message>
    <message>
        <source>the authorizer&apos;s function is not in the template; authorizer &apos;%1&apos; is not imported</source>
        <translation>the authorizer&apos;s function is not in the template; authorizer &apos;%1&apos; is not imported</translation>
    </message>
    <message>
        <source>the API definition is not beside the template; its routes are not imported</source>
        <translation>the API definition is not beside the template; its routes are not imported</translation>
    </message>
    <message>
        <source>import the OpenAPI file with --from openapi</source>
        <translation>import the OpenAPI file with --from openapi</translation>
    </message>
    <message>
        <source>cannot read the API definition %1</source>
        <translation>cannot read the API definition %1</translation>
    </message>
    <message>
        <source>method settings for %1 %2 match no route; they are not imported</source>
        <translation>method settings for %1 %2 match no route; they are not imported</translation>
    </message>
    <message>
        <source>route settings for &apos;%1&apos; match no route; they are not imported</source>
        <translation>route settings for &apos;%1&apos; match no route; they are not imported</translation>
    </message>
    <message>
        <source>event type %1 is not imported: Gatehouse triggers functions from HTTP, REST and WebSocket APIs, buckets, queues and schedules</source>
        <translation>event type %1 is not imported: Gatehouse triggers functions from HTTP, REST and WebSocket APIs, buckets, queues and schedules</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>event property %1 is not imported</source>
        <translation>event property %1 is not imported</translation>
    </message>
    <message>
        <source>the event&apos;s API is not a %1 in this template; the route is not imported</source>
        <translation>the event&apos;s API is not a %1 in this template; the route is not imported</translation>
    </message>
    <message>
        <source>the event needs both Path and Method; the route is not imported</source>
        <translation>the event needs both Path and Method; the route is not imported</translation>
    </message>
    <message>
        <source>IAM authorization is not emulated; the route is imported without it</source>
        <translation>IAM authorization is not emulated; the route is imported without it</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is not declared by the API; the route is imported without it</source>
        <translation>authorizer &apos;%1&apos; is not declared by the API; the route is imported without it</translation>
    </message>
    <message>
        <source>authorization scopes of a REST API route need Cognito; they are not imported</source>
        <translation>authorization scopes of a REST API route need Cognito; they are not imported</translation>
    </message>
    <message>
        <source>a route has one authorizer in Gatehouse; the API key requirement of %1 %2 is not imported because it also has a Lambda authorizer</source>
        <translation>a route has one authorizer in Gatehouse; the API key requirement of %1 %2 is not imported because it also has a Lambda authorizer</translation>
    </message>
    <message>
        <source>the API requires API keys but the template defines none; add keys to authorizer &apos;%1&apos;</source>
        <translation>the API requires API keys but the template defines none; add keys to authorizer &apos;%1&apos;</translation>
    </message>
    <message>
        <source>S3 events need a bucket defined in the same template; this one is not imported</source>
        <translation>S3 events need a bucket defined in the same template; this one is not imported</translation>
    </message>
    <message>
        <source>queue &apos;%1&apos; is not in the template; a local queue of that name is created</source>
        <translation>queue &apos;%1&apos; is not in the template; a local queue of that name is created</translation>
    </message>
    <message>
        <source>queue &apos;%1&apos; already triggers function &apos;%2&apos;; a Gatehouse queue feeds one function, so this trigger is not imported</source>
        <translation>queue &apos;%1&apos; already triggers function &apos;%2&apos;; a Gatehouse queue feeds one function, so this trigger is not imported</translation>
    </message>
    <message>
        <source>the schedule has no expression; it is not imported</source>
        <translation>the schedule has no expression; it is not imported</translation>
    </message>
    <message>
        <source>Input is not JSON; it is imported as a string</source>
        <translation>Input is not JSON; it is imported as a string</translation>
    </message>
    <message>
        <source>ApiGatewayV2 API with ProtocolType &apos;%1&apos; is not imported</source>
        <translation>ApiGatewayV2 API with ProtocolType &apos;%1&apos; is not imported</translation>
    </message>
    <message>
        <source>the authorizer&apos;s function is not in the template; it is not imported</source>
        <translation>the authorizer&apos;s function is not in the template; it is not imported</translation>
    </message>
    <message>
        <source>authorizer type %1 is not imported</source>
        <translation>authorizer type %1 is not imported</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; has no integration in the template; it is not imported</source>
        <translation>route &apos;%1&apos; has no integration in the template; it is not imported</translation>
    </message>
    <message>
        <source>the integration&apos;s function is not in the template; its route is not imported</source>
        <translation>the integration&apos;s function is not in the template; its route is not imported</translation>
    </message>
    <message>
        <source>integration type %1 is not imported</source>
        <translation>integration type %1 is not imported</translation>
    </message>
    <message>
        <source>the usage plan key links a key or plan that is not in the template; it is not imported</source>
        <translation>the usage plan key links a key or plan that is not in the template; it is not imported</translation>
    </message>
    <message>
        <source>API key &apos;%1&apos; has no Value (AWS generates one) and no usage plan; it is not imported</source>
        <translation>API key &apos;%1&apos; has no Value (AWS generates one) and no usage plan; it is not imported</translation>
    </message>
    <message>
        <source>API key &apos;%1&apos; belongs to no usage plan in the template; it is not imported</source>
        <translation>API key &apos;%1&apos; belongs to no usage plan in the template; it is not imported</translation>
    </message>
    <message>
        <source>Swagger 2.0 documents are not supported</source>
        <translation>Swagger 2.0 documents are not supported</translation>
    </message>
    <message>
        <source>convert it to OpenAPI 3 first (e.g. with swagger2openapi)</source>
        <translation>convert it to OpenAPI 3 first (e.g. with swagger2openapi)</translation>
    </message>
    <message>
        <source>not an OpenAPI document: the &apos;openapi&apos; version field is missing</source>
        <translation>not an OpenAPI document: the &apos;openapi&apos; version field is missing</translation>
    </message>
    <message>
        <source>OpenAPI version %1 is read as 3.0</source>
        <translation>OpenAPI version %1 is read as 3.0</translation>
    </message>
    <message>
        <source>no routes were imported</source>
        <translation>no routes were imported</translation>
    </message>
    <message>
        <source>external reference &apos;%1&apos; is not followed</source>
        <translation>external reference &apos;%1&apos; is not followed</translation>
    </message>
    <message>
        <source>reference &apos;%1&apos; points nowhere</source>
        <translation>reference &apos;%1&apos; points nowhere</translation>
    </message>
    <message>
        <source>the Lambda integration has no uri; it is not imported</source>
        <translation>the Lambda integration has no uri; it is not imported</translation>
    </message>
    <message>
        <source>cannot tell which function the uri %1 invokes; the integration is not imported</source>
        <translation>cannot tell which function the uri %1 invokes; the integration is not imported</translation>
    </message>
    <message>
        <source>authorizer type &apos;%1&apos; is not imported: Gatehouse emulates JWT, Lambda and API-key authorizers</source>
        <translation>authorizer type &apos;%1&apos; is not imported: Gatehouse emulates JWT, Lambda and API-key authorizers</translation>
    </message>
    <message>
        <source>API-key scheme &apos;%1&apos; is imported as an API-key authorizer without keys; OpenAPI does not hold key values</source>
        <translation>API-key scheme &apos;%1&apos; is imported as an API-key authorizer without keys; OpenAPI does not hold key values</translation>
    </message>
    <message>
        <source>add keys to the authorizer in the project</source>
        <translation>add keys to the authorizer in the project</translation>
    </message>
    <message>
        <source>HTTP APIs on AWS have no API keys; consider a REST API or a Lambda authorizer</source>
        <translation>HTTP APIs on AWS have no API keys; consider a REST API or a Lambda authorizer</translation>
    </message>
    <message>
        <source>security scheme &apos;%1&apos; (%2) is imported as a JWT authorizer; check its issuer and audience</source>
        <translation>security scheme &apos;%1&apos; (%2) is imported as a JWT authorizer; check its issuer and audience</translation>
    </message>
    <message>
        <source>security scheme &apos;%1&apos; of type &apos;%2&apos; is not imported</source>
        <translation>security scheme &apos;%1&apos; of type &apos;%2&apos; is not imported</translation>
    </message>
    <message>
        <source>operation %1 %2 has no x-amazon-apigateway-integration; it is imported with a mock integration answering %3</source>
        <translation>operation %1 %2 has no x-amazon-apigateway-integration; it is imported with a mock integration answering %3</translation>
    </message>
    <message>
        <source>connect the route to a function in the project</source>
        <translation>connect the route to a function in the project</translation>
    </message>
    <message>
        <source>the non-proxy Lambda integration is imported as a proxy integration: mapping templates are not emulated</source>
        <translation>the non-proxy Lambda integration is imported as a proxy integration: mapping templates are not emulated</translation>
    </message>
    <message>
        <source>the non-proxy HTTP integration is imported as a proxy integration: mapping templates are not emulated</source>
        <translation>the non-proxy HTTP integration is imported as a proxy integration: mapping templates are not emulated</translation>
    </message>
    <message>
        <source>the VPC link of the integration is not imported; the uri is called directly</source>
        <translation>the VPC link of the integration is not imported; the uri is called directly</translation>
    </message>
    <message>
        <source>integration type &apos;%1&apos; is not imported</source>
        <translation>integration type &apos;%1&apos; is not imported</translation>
    </message>
    <message>
        <source>alternative security requirements are not imported; the first one is used</source>
        <translation>alternative security requirements are not imported; the first one is used</translation>
    </message>
    <message>
        <source>a route has one authorizer in Gatehouse; only &apos;%1&apos; is imported</source>
        <translation>a route has one authorizer in Gatehouse; only &apos;%1&apos; is imported</translation>
    </message>
    <message>
        <source>the document has no paths</source>
        <translation>the document has no paths</translation>
    </message>
    <message>
        <source>API keys from a Lambda authorizer are not emulated; clients send them in x-api-key</source>
        <translation>API keys from a Lambda authorizer are not emulated; clients send them in x-api-key</translation>
    </message>
    <message>
        <source>the collection does not declare the v2.1.0 or v2.0.0 schema; it is read as v2.1</source>
        <translation>the collection does not declare the v2.1.0 or v2.0.0 schema; it is read as v2.1</translation>
    </message>
    <message>
        <source>collection-level auth is not imported; add the header to each request</source>
        <translation>collection-level auth is not imported; add the header to each request</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>collection</translation>
    </message>
    <message>
        <source>the pre-request script of the %1 is not imported</source>
        <translation>the pre-request script of the %1 is not imported</translation>
    </message>
    <message>
        <source>request</source>
        <translation>request</translation>
    </message>
    <message>
        <source>the test script of the %1 is not imported</source>
        <translation>the test script of the %1 is not imported</translation>
    </message>
    <message>
        <source>folders nest deeper than %1 levels; the rest is not imported</source>
        <translation>folders nest deeper than %1 levels; the rest is not imported</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Request %1</translation>
    </message>
    <message>
        <source>folder &apos;%1&apos;</source>
        <translation>folder &apos;%1&apos;</translation>
    </message>
    <message>
        <source>folder-level auth is not imported</source>
        <translation>folder-level auth is not imported</translation>
    </message>
    <message>
        <source>item &apos;%1&apos; has no request; it is not imported</source>
        <translation>item &apos;%1&apos; has no request; it is not imported</translation>
    </message>
    <message>
        <source>test &apos;%1&apos; is not imported: no Gatehouse assertion expresses it</source>
        <translation>test &apos;%1&apos; is not imported: no Gatehouse assertion expresses it</translation>
    </message>
    <message>
        <source>disabled header &apos;%1&apos; is not imported</source>
        <translation>disabled header &apos;%1&apos; is not imported</translation>
    </message>
    <message>
        <source>GraphQL variables are not JSON; they are not imported</source>
        <translation>GraphQL variables are not JSON; they are not imported</translation>
    </message>
    <message>
        <source>a &apos;%1&apos; body is not imported: saved requests hold text bodies</source>
        <translation>a &apos;%1&apos; body is not imported: saved requests hold text bodies</translation>
    </message>
    <message>
        <source>&apos;%1&apos; auth is not imported; add the header it sends to the request</source>
        <translation>&apos;%1&apos; auth is not imported; add the header it sends to the request</translation>
    </message>
    <message>
        <source>disabled variable &apos;%1&apos; is not imported</source>
        <translation>disabled variable &apos;%1&apos; is not imported</translation>
    </message>
    <message>
        <source>neither a Postman collection (info, item) nor a Postman environment (values)</source>
        <translation>neither a Postman collection (info, item) nor a Postman environment (values)</translation>
    </message>
    <message>
        <source>export the collection from Postman as Collection v2.1</source>
        <translation>export the collection from Postman as Collection v2.1</translation>
    </message>
    <message>
        <source>only environments were imported; add a collection to import requests</source>
        <translation>only environments were imported; add a collection to import requests</translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>nothing to import</translation>
    </message>
    <message>
        <source>only one %1 file is imported at a time; this one is ignored</source>
        <translation>only one %1 file is imported at a time; this one is ignored</translation>
    </message>
    <message>
        <source>not an AWS SAM template, an OpenAPI document or a Postman collection</source>
        <translation>not an AWS SAM template, an OpenAPI document or a Postman collection</translation>
    </message>
    <message>
        <source>SAM templates have Resources, OpenAPI documents an openapi field, Postman collections an info.schema naming getpostman.com</source>
        <translation>SAM templates have Resources, OpenAPI documents an openapi field, Postman collections an info.schema naming getpostman.com</translation>
    </message>
    <message>
        <source>only SQS dead-letter queues are imported</source>
        <translation>only SQS dead-letter queues are imported</translation>
    </message>
    <message>
        <source>destination queue &apos;%1&apos; is not in the template; create it in the project to use it</source>
        <translation>destination queue &apos;%1&apos; is not in the template; create it in the project to use it</translation>
    </message>
    <message>
        <source>destination function &apos;%1&apos; is not in the template; create it in the project to use it</source>
        <translation>destination function &apos;%1&apos; is not in the template; create it in the project to use it</translation>
    </message>
    <message>
        <source>only SQS and Lambda destinations are imported; &apos;%1&apos; is left out</source>
        <translation>only SQS and Lambda destinations are imported; &apos;%1&apos; is left out</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportDialog</name>
    <message>
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>Import Project</source>
        <translation>Import Project</translation>
    </message>
    <message>
        <source>An AWS SAM template, OpenAPI document or Postman collection</source>
        <translation>An AWS SAM template, OpenAPI document or Postman collection</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>AWS SAM template</source>
        <translation>AWS SAM template</translation>
    </message>
    <message>
        <source>OpenAPI 3.0 or 3.1 document</source>
        <translation>OpenAPI 3.0 or 3.1 document</translation>
    </message>
    <message>
        <source>Postman collection</source>
        <translation>Postman collection</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Environments:</source>
        <translation>Environments:</translation>
    </message>
    <message>
        <source>Project &amp;name:</source>
        <translation>Project &amp;name:</translation>
    </message>
    <message>
        <source>The new project</source>
        <translation>The new project</translation>
    </message>
    <message>
        <source>Everything in the file can be imported.</source>
        <translation>Everything in the file can be imported.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Detect automatically: %1</source>
        <translation>Detect automatically: %1</translation>
    </message>
    <message>
        <source>Detect automatically: not recognised</source>
        <translation>Detect automatically: not recognised</translation>
    </message>
    <message numerus="yes">
        <source>Also import the %n environment(s) beside it: %1</source>
        <translation>
            <numerusform>Also import the %n environment beside it: %1</numerusform>
            <numerusform>Also import the %n environments beside it: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>Choose a file to import.</translation>
    </message>
    <message>
        <source>Nothing can be imported until the errors are fixed.</source>
        <translation>Nothing can be imported until the errors are fixed.</translation>
    </message>
    <message>
        <source>Import File</source>
        <translation>Import File</translation>
    </message>
    <message>
        <source>Templates, API documents and collections (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Templates, API documents and collections (*.yaml *.yml *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Project Folder</source>
        <translation>Project Folder</translation>
    </message>
    <message>
        <source>Replace Project?</source>
        <translation>Replace Project?</translation>
    </message>
    <message>
        <source>“%1” already holds a Gatehouse project. Replace it with the imported project? Code files the import brings replace those at the same paths.</source>
        <translation>“%1” already holds a Gatehouse project. Replace it with the imported project? Code files the import brings replace those at the same paths.</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Import Failed</translation>
    </message>
    <message>
        <source>Gatehouse could not create the project in “%1”:

%2</source>
        <translation>Gatehouse could not create the project in “%1”:

%2</translation>
    </message>
    <message>
        <source>Imported %1 into %2: %3 (%4).</source>
        <translation>Imported %1 into %2: %3 (%4).</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing file(s) with other contents were kept.</source>
        <translation>
            <numerusform>%n existing file with other contents was kept.</numerusform>
            <numerusform>%n existing files with other contents were kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <source>Project fol&amp;der:</source>
        <translation>Project fol&amp;der:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportFiles</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation>cannot read the file: %1</translation>
    </message>
    <message>
        <source>the project file could not be written</source>
        <translation>the project file could not be written</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportSummary</name>
    <message numerus="yes">
        <source>%n function(s)</source>
        <translation>
            <numerusform>%n function</numerusform>
            <numerusform>%n functions</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 with %2</translation>
    </message>
    <message numerus="yes">
        <source>%n API(s)</source>
        <translation>
            <numerusform>%n API</numerusform>
            <numerusform>%n APIs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n route</numerusform>
            <numerusform>%n routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n authorizer(s)</source>
        <translation>
            <numerusform>%n authorizer</numerusform>
            <numerusform>%n authorizers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bucket(s)</source>
        <translation>
            <numerusform>%n bucket</numerusform>
            <numerusform>%n buckets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queue(s)</source>
        <translation>
            <numerusform>%n queue</numerusform>
            <numerusform>%n queues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schedule(s)</source>
        <translation>
            <numerusform>%n schedule</numerusform>
            <numerusform>%n schedules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved request(s)</source>
        <translation>
            <numerusform>%n saved request</numerusform>
            <numerusform>%n saved requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n environment(s)</source>
        <translation>
            <numerusform>%n environment</numerusform>
            <numerusform>%n environments</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Nothing to import.</translation>
    </message>
    <message numerus="yes">
        <source>%n code file(s)</source>
        <translation>
            <numerusform>%n code file</numerusform>
            <numerusform>%n code files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n placeholder(s)</source>
        <translation>
            <numerusform>%n placeholder</numerusform>
            <numerusform>%n placeholders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::InvocationResultView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Show in Logs</source>
        <translation>Show in Logs</translation>
    </message>
    <message>
        <source>Filter the Logs dock by this request id</source>
        <translation>Filter the Logs dock by this request id</translation>
    </message>
    <message>
        <source>The invocation&apos;s log lines</source>
        <translation>The invocation&apos;s log lines</translation>
    </message>
    <message>
        <source>Pick a function and an event, then Invoke.</source>
        <translation>Pick a function and an event, then Invoke.</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>Request ID: %1</translation>
    </message>
    <message>
        <source>Accepted (%1): %2 runs asynchronously; its result follows.</source>
        <translation>Accepted (%1): %2 runs asynchronously; its result follows.</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Function error (%1): %2: %3</source>
        <translation>Function error (%1): %2: %3</translation>
    </message>
    <message>
        <source>Succeeded (asynchronous, attempt %1)</source>
        <translation>Succeeded (asynchronous, attempt %1)</translation>
    </message>
    <message>
        <source>Succeeded (%1)</source>
        <translation>Succeeded (%1)</translation>
    </message>
    <message>
        <source>Duration %1</source>
        <translation>Duration %1</translation>
    </message>
    <message>
        <source>Billed %1 ms</source>
        <translation>Billed %1 ms</translation>
    </message>
    <message>
        <source>Memory %1 MB, max used %2 MB</source>
        <translation>Memory %1 MB, max used %2 MB</translation>
    </message>
    <message>
        <source>Init %1 (cold start)</source>
        <translation>Init %1 (cold start)</translation>
    </message>
</context>
<context>
    <name>gatehouse::Invoker</name>
    <message>
        <source>runtime &apos;%1&apos; is not supported by this build yet</source>
        <translation>runtime &apos;%1&apos; is not supported by this build yet</translation>
    </message>
    <message>
        <source>the runtime bootstrap files are missing from this build</source>
        <translation>the runtime bootstrap files are missing from this build</translation>
    </message>
    <message>
        <source>cannot write the runtime bootstrap files to %1 or %2</source>
        <translation>cannot write the runtime bootstrap files to %1 or %2</translation>
    </message>
    <message>
        <source>Asynchronous invocation failed (attempt %1 of %2): %3; retrying in %4 ms</source>
        <translation>Asynchronous invocation failed (attempt %1 of %2): %3; retrying in %4 ms</translation>
    </message>
    <message>
        <source>Asynchronous invocation failed (attempt %1 of %2): %3; the event would exceed the maximum event age of %4 s before the next attempt and is discarded</source>
        <translation>Asynchronous invocation failed (attempt %1 of %2): %3; the event would exceed the maximum event age of %4 s before the next attempt and is discarded</translation>
    </message>
    <message>
        <source>Asynchronous invocation failed (attempt %1 of %2): %3; no retries left, the event is discarded</source>
        <translation>Asynchronous invocation failed (attempt %1 of %2): %3; no retries left, the event is discarded</translation>
    </message>
    <message>
        <source>Asynchronous event discarded unrun: older than the maximum event age</source>
        <translation>Asynchronous event discarded unrun: older than the maximum event age</translation>
    </message>
</context>
<context>
    <name>gatehouse::JsModuleLoader</name>
    <message>
        <source> (Node.js built-in modules are not available in the embedded javascript runtime; switch the function to the nodejs20.x runtime)</source>
        <translation> (Node.js built-in modules are not available in the embedded javascript runtime; switch the function to the nodejs20.x runtime)</translation>
    </message>
    <message>
        <source>Error: Cannot find module &apos;%1&apos; (looked for %1.js, %1.mjs and %1.cjs in %2)</source>
        <translation>Error: Cannot find module &apos;%1&apos; (looked for %1.js, %1.mjs and %1.cjs in %2)</translation>
    </message>
</context>
<context>
    <name>gatehouse::KeyValueTable</name>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Remove Row</source>
        <translation>Remove Row</translation>
    </message>
    <message>
        <source>Send this row</source>
        <translation>Send this row</translation>
    </message>
</context>
<context>
    <name>gatehouse::LoadTestDialog</name>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Duration</translation>
    </message>
    <message>
        <source>Cou&amp;nt</source>
        <translation>Cou&amp;nt</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Load Test</source>
        <translation>Load Test</translation>
    </message>
    <message>
        <source>Requests in flight at once, each on a kept-alive connection of its own</source>
        <translation>Requests in flight at once, each on a kept-alive connection of its own</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> requests</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>A request without a complete response by then counts as timed out</source>
        <translation>A request without a complete response by then counts as timed out</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Request:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environment:</translation>
    </message>
    <message>
        <source>C&amp;oncurrency:</source>
        <translation>C&amp;oncurrency:</translation>
    </message>
    <message>
        <source>Run for:</source>
        <translation>Run for:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <source>The local cloud did not start: %1</source>
        <translation>The local cloud did not start: %1</translation>
    </message>
    <message>
        <source>The local cloud stopped during the run.</source>
        <translation>The local cloud stopped during the run.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>The project has no saved requests: save one from the request composer first.</source>
        <translation>The project has no saved requests: save one from the request composer first.</translation>
    </message>
    <message>
        <source>Starting the local cloud…</source>
        <translation>Starting the local cloud…</translation>
    </message>
    <message>
        <source>The local cloud could not be started: save the project first (see the Run panel).</source>
        <translation>The local cloud could not be started: save the project first (see the Run panel).</translation>
    </message>
    <message>
        <source>The chosen request is no longer in the project.</source>
        <translation>The chosen request is no longer in the project.</translation>
    </message>
    <message>
        <source>No value for {{%1}} in “%2”: choose another environment.</source>
        <translation>No value for {{%1}} in “%2”: choose another environment.</translation>
    </message>
    <message>
        <source>Sending %1 %2…</source>
        <translation>Sending %1 %2…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 s, %2 requests</source>
        <translation>%1 s, %2 requests</translation>
    </message>
    <message>
        <source>Reading what the local cloud recorded…</source>
        <translation>Reading what the local cloud recorded…</translation>
    </message>
    <message>
        <source>No cost projection: the local cloud stopped.</source>
        <translation>No cost projection: the local cloud stopped.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
</context>
<context>
    <name>gatehouse::LoadTestResultsView</name>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>No results yet: choose a request and press Start.</source>
        <translation>No results yet: choose a request and press Start.</translation>
    </message>
    <message>
        <source>%1 requests in %2 s with %3 connections: %4 requests/s.</source>
        <translation>%1 requests in %2 s with %3 connections: %4 requests/s.</translation>
    </message>
    <message>
        <source>Cancelled after %1 sent.</source>
        <translation>Cancelled after %1 sent.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) got no response; the first: %1</source>
        <translation>
            <numerusform>%n request got no response; the first: %1</numerusform>
            <numerusform>%n requests got no response; the first: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Projected cost: %1 %2 a month at %3 requests/s (list prices, no free tier).</source>
        <translation>Projected cost: %1 %2 a month at %3 requests/s (list prices, no free tier).</translation>
    </message>
    <message>
        <source>Route: %1.</source>
        <translation>Route: %1.</translation>
    </message>
    <message>
        <source>No function was invoked.</source>
        <translation>No function was invoked.</translation>
    </message>
    <message>
        <source>Function: %1.</source>
        <translation>Function: %1.</translation>
    </message>
</context>
<context>
    <name>gatehouse::LocalCloud</name>
    <message>
        <source>Lambda Invoke API: %1</source>
        <translation>Lambda Invoke API: %1</translation>
    </message>
    <message>
        <source>Admin endpoint: %1</source>
        <translation>Admin endpoint: %1</translation>
    </message>
    <message>
        <source>S3 endpoint: %1</source>
        <translation>S3 endpoint: %1</translation>
    </message>
    <message>
        <source>SQS endpoint: %1</source>
        <translation>SQS endpoint: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::LocalGateway</name>
    <message>
        <source>refused a request: %1 %2</source>
        <translation>refused a request: %1 %2</translation>
    </message>
    <message>
        <source>API &apos;%1&apos;: %2</source>
        <translation>API &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::LocalStateFolder</name>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::LogConsole</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Show one function or API only</source>
        <translation>Show one function or API only</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>Show lines of this level and above</source>
        <translation>Show lines of this level and above</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>DEBUG and above</source>
        <translation>DEBUG and above</translation>
    </message>
    <message>
        <source>INFO and above</source>
        <translation>INFO and above</translation>
    </message>
    <message>
        <source>WARN and above</source>
        <translation>WARN and above</translation>
    </message>
    <message>
        <source>ERROR and above</source>
        <translation>ERROR and above</translation>
    </message>
    <message>
        <source>FATAL</source>
        <translation>FATAL</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <source>A Lambda request id or an API&apos;s request id: shows that request&apos;s lines</source>
        <translation>A Lambda request id or an API&apos;s request id: shows that request&apos;s lines</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Filter messages</translation>
    </message>
    <message>
        <source>Match the filter as a regular expression</source>
        <translation>Match the filter as a regular expression</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Keep the newest line in view while the view is scrolled to the bottom</source>
        <translation>Keep the newest line in view while the view is scrolled to the bottom</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Remove the lines shown so far; new lines keep arriving</source>
        <translation>Remove the lines shown so far; new lines keep arriving</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save the lines the filter shows</source>
        <translation>Save the lines the filter shows</translation>
    </message>
    <message>
        <source>As Text…</source>
        <translation>As Text…</translation>
    </message>
    <message>
        <source>As JSON Lines…</source>
        <translation>As JSON Lines…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln line(s)</source>
        <translation>
            <numerusform>%1 of %Ln line</numerusform>
            <numerusform>%1 of %Ln lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Log as Text</source>
        <translation>Export Log as Text</translation>
    </message>
    <message>
        <source>Export Log as JSON Lines</source>
        <translation>Export Log as JSON Lines</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <translation>Text files (*.txt *.log)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>Export Log</translation>
    </message>
</context>
<context>
    <name>gatehouse::LogTableModel</name>
    <message>
        <source>Invalid regular expression at position %1: %2</source>
        <translation>Invalid regular expression at position %1: %2</translation>
    </message>
    <message>
        <source>Click to show only this request&apos;s lines</source>
        <translation>Click to show only this request&apos;s lines</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>gatehouse::MainWindow</name>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;New Project</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Add &amp;Function</source>
        <translation>Add &amp;Function</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Re&amp;name</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>&amp;About Gatehouse</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>%1[*] — Gatehouse</source>
        <translation>%1[*] — Gatehouse</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Create a project from an AWS SAM template, an OpenAPI document or a Postman collection</source>
        <translation>Create a project from an AWS SAM template, an OpenAPI document or a Postman collection</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Write the project as an AWS SAM template, OpenAPI documents, serverless.yml or a Postman collection</source>
        <translation>Write the project as an AWS SAM template, OpenAPI documents, serverless.yml or a Postman collection</translation>
    </message>
    <message>
        <source>%1 It was not opened.</source>
        <translation>%1 It was not opened.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Saved %1; function %2 reloads for its next invocation</source>
        <translation>Saved %1; function %2 reloads for its next invocation</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>&amp;Run Locally</source>
        <translation>&amp;Run Locally</translation>
    </message>
    <message>
        <source>Serve the project&apos;s APIs and functions on this machine, as gatehouse serve does</source>
        <translation>Serve the project&apos;s APIs and functions on this machine, as gatehouse serve does</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message numerus="yes">
        <source>Running locally: %n endpoint(s)</source>
        <translation>
            <numerusform>Running locally: %n endpoint</numerusform>
            <numerusform>Running locally: %n endpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>Could not run: %1</translation>
    </message>
    <message>
        <source>Not applied:
%1</source>
        <translation>Not applied:
%1</translation>
    </message>
    <message>
        <source>Save the project first: its functions&apos; code lives in its folder.</source>
        <translation>Save the project first: its functions&apos; code lives in its folder.</translation>
    </message>
    <message>
        <source>Save the project first: a function&apos;s code lives in the project folder.</source>
        <translation>Save the project first: a function&apos;s code lives in the project folder.</translation>
    </message>
    <message>
        <source>Wrote a starter handler for %1 to %2</source>
        <translation>Wrote a starter handler for %1 to %2</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>&amp;Load Test…</source>
        <translation>&amp;Load Test…</translation>
    </message>
    <message>
        <source>Send a saved request from many connections at once and see latency, throughput and what it would cost</source>
        <translation>Send a saved request from many connections at once and see latency, throughput and what it would cost</translation>
    </message>
    <message>
        <source>New &amp;Request</source>
        <translation>New &amp;Request</translation>
    </message>
    <message>
        <source>Compose an HTTP request and send it to the running project or any URL</source>
        <translation>Compose an HTTP request and send it to the running project or any URL</translation>
    </message>
    <message>
        <source>Buckets</source>
        <translation>Buckets</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Triggers</translation>
    </message>
</context>
<context>
    <name>gatehouse::NameField</name>
    <message>
        <source>A %1 needs a name.</source>
        <translation>A %1 needs a name.</translation>
    </message>
    <message>
        <source>There is already a %1 named “%2”.</source>
        <translation>There is already a %1 named “%2”.</translation>
    </message>
</context>
<context>
    <name>gatehouse::NewNodes</name>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Authorizer</source>
        <translation>Authorizer</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>An HTTP API: low-latency proxy to functions and URLs, JWT authorizers</source>
        <translation>An HTTP API: low-latency proxy to functions and URLs, JWT authorizers</translation>
    </message>
    <message>
        <source>A REST API: API keys and usage plans, binary media types</source>
        <translation>A REST API: API keys and usage plans, binary media types</translation>
    </message>
    <message>
        <source>A WebSocket API: $connect, $disconnect and message routes</source>
        <translation>A WebSocket API: $connect, $disconnect and message routes</translation>
    </message>
    <message>
        <source>A route of an API: drop it onto the API it belongs to</source>
        <translation>A route of an API: drop it onto the API it belongs to</translation>
    </message>
    <message>
        <source>A Lambda function with a starter handler</source>
        <translation>A Lambda function with a starter handler</translation>
    </message>
    <message>
        <source>A JWT, Lambda or API-key authorizer: wire it to the routes it protects</source>
        <translation>A JWT, Lambda or API-key authorizer: wire it to the routes it protects</translation>
    </message>
    <message>
        <source>An S3-style bucket whose uploads can invoke functions</source>
        <translation>An S3-style bucket whose uploads can invoke functions</translation>
    </message>
    <message>
        <source>An EventBridge schedule (rate or cron) that invokes a function</source>
        <translation>An EventBridge schedule (rate or cron) that invokes a function</translation>
    </message>
    <message>
        <source>An SQS-style queue that feeds a function in batches</source>
        <translation>An SQS-style queue that feeds a function in batches</translation>
    </message>
    <message>
        <source>Add an API first, then drop the route onto it.</source>
        <translation>Add an API first, then drop the route onto it.</translation>
    </message>
    <message>
        <source>Add %1 “%2”</source>
        <translation>Add %1 “%2”</translation>
    </message>
</context>
<context>
    <name>gatehouse::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>A new language is applied the next time you start Gatehouse.</source>
        <translation>A new language is applied the next time you start Gatehouse.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectDocument</name>
    <message>
        <source>the project has no folder yet; use Save As</source>
        <translation>the project has no folder yet; use Save As</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Simulated account</source>
        <translation>Simulated account</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>e.g. us-east-1</source>
        <translation>e.g. us-east-1</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Account ID</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Billing granularity</source>
        <translation>Billing granularity</translation>
    </message>
    <message>
        <source>1 ms (AWS since December 2020)</source>
        <translation>1 ms (AWS since December 2020)</translation>
    </message>
    <message>
        <source>100 ms (classic billing)</source>
        <translation>100 ms (classic billing)</translation>
    </message>
    <message>
        <source>Local engine</source>
        <translation>Local engine</translation>
    </message>
    <message>
        <source>Concurrency limit</source>
        <translation>Concurrency limit</translation>
    </message>
    <message>
        <source> environments</source>
        <translation> environments</translation>
    </message>
    <message>
        <source>How many execution environments may run at once across the project</source>
        <translation>How many execution environments may run at once across the project</translation>
    </message>
    <message>
        <source>Idle environments kept</source>
        <translation>Idle environments kept</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A warm environment that has been idle this long is shut down</source>
        <translation>A warm environment that has been idle this long is shut down</translation>
    </message>
    <message>
        <source>Async retry delay</source>
        <translation>Async retry delay</translation>
    </message>
    <message>
        <source>The wait before the first retry of a failed asynchronous invocation; the second waits twice as long. Lambda waits 60 s; a few seconds suit local work.</source>
        <translation>The wait before the first retry of a failed asynchronous invocation; the second waits twice as long. Lambda waits 60 s; a few seconds suit local work.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectSession</name>
    <message>
        <source>Untitled project</source>
        <translation>Untitled project</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>Cannot Open Project</source>
        <translation>Cannot Open Project</translation>
    </message>
    <message>
        <source>Gatehouse could not open “%1”:

%2

The Diagnostics panel lists the details.</source>
        <translation>Gatehouse could not open “%1”:

%2

The Diagnostics panel lists the details.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Open Project</translation>
    </message>
    <message>
        <source>Gatehouse projects (gatehouse.json);;All files (*)</source>
        <translation>Gatehouse projects (gatehouse.json);;All files (*)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Save Project in Folder</source>
        <translation>Save Project in Folder</translation>
    </message>
    <message>
        <source>Replace Project?</source>
        <translation>Replace Project?</translation>
    </message>
    <message>
        <source>“%1” already holds a Gatehouse project. Replace its gatehouse.json with this project?</source>
        <translation>“%1” already holds a Gatehouse project. Replace its gatehouse.json with this project?</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <source>Do you want to save the changes you made to “%1”?

Your changes are lost if you do not save them.</source>
        <translation>Do you want to save the changes you made to “%1”?

Your changes are lost if you do not save them.</translation>
    </message>
    <message>
        <source>Replace Invalid Values?</source>
        <translation>Replace Invalid Values?</translation>
    </message>
    <message numerus="yes">
        <source>Saving will replace %n invalid value(s) in the project file with the defaults Gatehouse used instead. The Diagnostics panel lists them.

Save anyway?</source>
        <translation>
            <numerusform>Saving will replace %n invalid value in the project file with the default Gatehouse used instead. The Diagnostics panel shows it.

Save anyway?</numerusform>
            <numerusform>Saving will replace %n invalid values in the project file with the defaults Gatehouse used instead. The Diagnostics panel lists them.

Save anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Save Project</source>
        <translation>Cannot Save Project</translation>
    </message>
    <message>
        <source>The project could not be saved:

%1</source>
        <translation>The project could not be saved:

%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectTreeModel</name>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>A %1 needs a name.</source>
        <translation>A %1 needs a name.</translation>
    </message>
    <message>
        <source>There is already a %1 named “%2”.</source>
        <translation>There is already a %1 named “%2”.</translation>
    </message>
</context>
<context>
    <name>gatehouse::PropertyEditor</name>
    <message>
        <source>Select a part of the project in the tree or on the canvas to edit its properties.</source>
        <translation>Select a part of the project in the tree or on the canvas to edit its properties.</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>Project settings</source>
        <translation>Project settings</translation>
    </message>
    <message>
        <source>Function “%1”</source>
        <translation>Function “%1”</translation>
    </message>
    <message>
        <source>API “%1”</source>
        <translation>API “%1”</translation>
    </message>
    <message>
        <source>Route “%1” of %2</source>
        <translation>Route “%1” of %2</translation>
    </message>
    <message>
        <source>Stage “%1” of %2</source>
        <translation>Stage “%1” of %2</translation>
    </message>
    <message>
        <source>Authorizer “%1”</source>
        <translation>Authorizer “%1”</translation>
    </message>
    <message>
        <source>Bucket “%1”</source>
        <translation>Bucket “%1”</translation>
    </message>
    <message>
        <source>Schedule “%1”</source>
        <translation>Schedule “%1”</translation>
    </message>
    <message>
        <source>Queue “%1”</source>
        <translation>Queue “%1”</translation>
    </message>
</context>
<context>
    <name>gatehouse::PropertyForm</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Change “%1” of %2 “%3”</source>
        <translation>Change “%1” of %2 “%3”</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Rate limit</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> requests/s</translation>
    </message>
    <message>
        <source>Burst limit</source>
        <translation>Burst limit</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> requests</translation>
    </message>
</context>
<context>
    <name>gatehouse::QueueForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>FIFO (ordered, exactly once)</source>
        <translation>FIFO (ordered, exactly once)</translation>
    </message>
    <message>
        <source>Visibility timeout</source>
        <translation>Visibility timeout</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>60 s to 1,209,600 s (14 days); the default is 345,600 s (4 days).</source>
        <translation>60 s to 1,209,600 s (14 days); the default is 345,600 s (4 days).</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>Dead-letter queue</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Max receives</source>
        <translation>Max receives</translation>
    </message>
    <message>
        <source>Receives before a message moves to the dead-letter queue</source>
        <translation>Receives before a message moves to the dead-letter queue</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Invoke a function with the messages</source>
        <translation>Invoke a function with the messages</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> messages</translation>
    </message>
    <message>
        <source>Batching window</source>
        <translation>Batching window</translation>
    </message>
    <message>
        <source>Report batch item failures</source>
        <translation>Report batch item failures</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
</context>
<context>
    <name>gatehouse::RecentProjectsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>No recent projects</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Clear Menu</translation>
    </message>
</context>
<context>
    <name>gatehouse::RecordTable</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>gatehouse::RenameEntityCommand</name>
    <message>
        <source>Rename %1 “%2” to “%3”</source>
        <translation>Rename %1 “%2” to “%3”</translation>
    </message>
</context>
<context>
    <name>gatehouse::RequestHistory</name>
    <message>
        <source>Cannot create %1</source>
        <translation>Cannot create %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ResponseView</name>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message numerus="yes">
        <source>%n B</source>
        <translation>
            <numerusform>%n B</numerusform>
            <numerusform>%n B</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>No request sent yet</source>
        <translation>No request sent yet</translation>
    </message>
    <message>
        <source>Sending %1 %2…</source>
        <translation>Sending %1 %2…</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>No response</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>gatehouse::RouteForm</name>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>/items/{id}, /files/{proxy+} or $default</source>
        <translation>/items/{id}, /files/{proxy+} or $default</translation>
    </message>
    <message>
        <source>Route key</source>
        <translation>Route key</translation>
    </message>
    <message>
        <source>$connect, $disconnect, $default or an action</source>
        <translation>$connect, $disconnect, $default or an action</translation>
    </message>
    <message>
        <source>Send the integration&apos;s result back to the client</source>
        <translation>Send the integration&apos;s result back to the client</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lambda function</source>
        <translation>Lambda function</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP proxy</translation>
    </message>
    <message>
        <source>Mock response</source>
        <translation>Mock response</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Payload format</translation>
    </message>
    <message>
        <source>API default</source>
        <translation>API default</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>https://example.com/{proxy}</source>
        <translation>https://example.com/{proxy}</translation>
    </message>
    <message>
        <source>Same as the request</source>
        <translation>Same as the request</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP method</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Status code</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Response headers</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Without a custom timeout: 30 s on HTTP APIs, 29 s on REST and WebSocket APIs.</source>
        <translation>Without a custom timeout: 30 s on HTTP APIs, 29 s on REST and WebSocket APIs.</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Authorizer</source>
        <translation>Authorizer</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>JWT scopes, comma-separated</source>
        <translation>JWT scopes, comma-separated</translation>
    </message>
</context>
<context>
    <name>gatehouse::RunPanel</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Could not start:
%1</source>
        <translation>Could not start:
%1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Running on this machine (127.0.0.1)</source>
        <translation>Running on this machine (127.0.0.1)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>Copy %1 to the clipboard</translation>
    </message>
    <message>
        <source>Lambda Invoke API</source>
        <translation>Lambda Invoke API</translation>
    </message>
    <message>
        <source>Invoke</source>
        <translation>Invoke</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Buckets</source>
        <translation>Buckets</translation>
    </message>
    <message>
        <source>S3 API</source>
        <translation>S3 API</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>SQS API</source>
        <translation>SQS API</translation>
    </message>
</context>
<context>
    <name>gatehouse::SavedEvents</name>
    <message>
        <source>Give the event a name.</source>
        <translation>Give the event a name.</translation>
    </message>
    <message>
        <source>An event name has at most %1 characters.</source>
        <translation>An event name has at most %1 characters.</translation>
    </message>
    <message>
        <source>An event name may use letters, digits, dots, hyphens and underscores only.</source>
        <translation>An event name may use letters, digits, dots, hyphens and underscores only.</translation>
    </message>
    <message>
        <source>An event name may not start with a dot.</source>
        <translation>An event name may not start with a dot.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than an invocation&apos;s 6 MB payload limit.</source>
        <translation>%1 is larger than an invocation&apos;s 6 MB payload limit.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Could not create the folder %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>Could not delete %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ScheduleForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>rate(5 minutes) or cron(0 10 * * ? *)</source>
        <translation>rate(5 minutes) or cron(0 10 * * ? *)</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Next runs</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>UTC; or an IANA name such as Europe/Paris</source>
        <translation>UTC; or an IANA name such as Europe/Paris</translation>
    </message>
    <message>
        <source>never again</source>
        <translation>never again</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1 (%2 UTC)</translation>
    </message>
</context>
<context>
    <name>gatehouse::Scheduler</name>
    <message>
        <source>&apos;%1&apos; is not a known time zone</source>
        <translation>&apos;%1&apos; is not a known time zone</translation>
    </message>
    <message>
        <source>not scheduled: %1</source>
        <translation>not scheduled: %1</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>there is no schedule named &apos;%1&apos;</source>
        <translation>there is no schedule named &apos;%1&apos;</translation>
    </message>
    <message>
        <source>its last run (%1) has not finished</source>
        <translation>its last run (%1) has not finished</translation>
    </message>
    <message>
        <source>the previous run (%1) is still going</source>
        <translation>the previous run (%1) is still going</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n run(s): %1</source>
        <translation>
            <numerusform>skipped %n run: %1</numerusform>
            <numerusform>skipped %n runs: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>their times passed while the schedule could not run</source>
        <translation>their times passed while the schedule could not run</translation>
    </message>
    <message>
        <source>%1 could not be invoked: %2</source>
        <translation>%1 could not be invoked: %2</translation>
    </message>
    <message>
        <source>invoking %1 (request %2) for %3</source>
        <translation>invoking %1 (request %2) for %3</translation>
    </message>
    <message>
        <source>Schedule &apos;%1&apos;: %2</source>
        <translation>Schedule &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::SendMessageDialog</name>
    <message>
        <source>Send Message to %1</source>
        <translation>Send Message to %1</translation>
    </message>
    <message>
        <source>Message body (any text, often JSON)</source>
        <translation>Message body (any text, often JSON)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Add Attribute</source>
        <translation>Add Attribute</translation>
    </message>
    <message>
        <source>Remove Attribute</source>
        <translation>Remove Attribute</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Delay</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Message attributes</source>
        <translation>Message attributes</translation>
    </message>
    <message>
        <source>Attribute %1 has no name.</source>
        <translation>Attribute %1 has no name.</translation>
    </message>
    <message>
        <source>The value of %1 is not base64.</source>
        <translation>The value of %1 is not base64.</translation>
    </message>
    <message>
        <source>Attribute %1 is given twice.</source>
        <translation>Attribute %1 is given twice.</translation>
    </message>
</context>
<context>
    <name>gatehouse::StageForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>dev, prod, or $default</source>
        <translation>dev, prod, or $default</translation>
    </message>
    <message>
        <source>Access log format</source>
        <translation>Access log format</translation>
    </message>
    <message>
        <source>$context variables; empty: no access log</source>
        <translation>$context variables; empty: no access log</translation>
    </message>
    <message>
        <source>Stage variables</source>
        <translation>Stage variables</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Throttling</source>
        <translation>Throttling</translation>
    </message>
</context>
<context>
    <name>gatehouse::TriggersPanel</name>
    <message>
        <source>Run Project</source>
        <translation>Run Project</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Next run</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Last run</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>In flight</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <source>DLQ</source>
        <translation>DLQ</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Fire Now</source>
        <translation>Fire Now</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Send Message…</source>
        <translation>Send Message…</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>Run the selected schedule now with the current time as the event&apos;s time</source>
        <translation>Run the selected schedule now with the current time as the event&apos;s time</translation>
    </message>
    <message>
        <source>Pause or resume the selected schedule for this run (the project is not changed)</source>
        <translation>Pause or resume the selected schedule for this run (the project is not changed)</translation>
    </message>
    <message>
        <source>Delete every message in the selected queue</source>
        <translation>Delete every message in the selected queue</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>Dead-letter queue</translation>
    </message>
    <message>
        <source>The local cloud is not running: schedules do not fire and queues hold no messages.</source>
        <translation>The local cloud is not running: schedules do not fire and queues hold no messages.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Schedules&lt;/b&gt;</source>
        <translation>&lt;b&gt;Schedules&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Queues&lt;/b&gt;</source>
        <translation>&lt;b&gt;Queues&lt;/b&gt;</translation>
    </message>
    <message>
        <source>running (%1)</source>
        <translation>running (%1)</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n tick(s): %1</source>
        <translation>
            <numerusform>skipped %n tick: %1</numerusform>
            <numerusform>skipped %n ticks: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>succeeded (%1 ms)</source>
        <translation>succeeded (%1 ms)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>disabled in project</source>
        <translation>disabled in project</translation>
    </message>
    <message numerus="yes">
        <source>Moved to %1 after %n receive(s)</source>
        <translation>
            <numerusform>Moved to %1 after %n receive</numerusform>
            <numerusform>Moved to %1 after %n receives</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (disabled)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>%1 local time
%2 UTC</source>
        <translation>%1 local time
%2 UTC</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>not running</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>%1 fired: request %2</source>
        <translation>%1 fired: request %2</translation>
    </message>
    <message>
        <source>%1 resumed for this run.</source>
        <translation>%1 resumed for this run.</translation>
    </message>
    <message>
        <source>%1 paused for this run; the project still says it is enabled.</source>
        <translation>%1 paused for this run; the project still says it is enabled.</translation>
    </message>
    <message>
        <source>The queue %1 is not running; run the project again after adding it.</source>
        <translation>The queue %1 is not running; run the project again after adding it.</translation>
    </message>
    <message>
        <source>Sent message %1 to %2.</source>
        <translation>Sent message %1 to %2.</translation>
    </message>
    <message>
        <source>Purge Queue</source>
        <translation>Purge Queue</translation>
    </message>
    <message>
        <source>Delete every message in %1?</source>
        <translation>Delete every message in %1?</translation>
    </message>
    <message>
        <source>Purged %1.</source>
        <translation>Purged %1.</translation>
    </message>
</context>
<context>
    <name>gatehouse::Validation</name>
    <message>
        <source>billing granularity &apos;%1&apos; is not supported</source>
        <translation>billing granularity &apos;%1&apos; is not supported</translation>
    </message>
    <message>
        <source>use &quot;1ms&quot; (AWS since December 2020) or &quot;100ms&quot; (before)</source>
        <translation>use &quot;1ms&quot; (AWS since December 2020) or &quot;100ms&quot; (before)</translation>
    </message>
    <message>
        <source>1 to 1000 concurrent environments (Lambda&apos;s default account quota)</source>
        <translation>1 to 1000 concurrent environments (Lambda&apos;s default account quota)</translation>
    </message>
    <message>
        <source>idleEnvironmentSeconds must be at least 1, found %1</source>
        <translation>idleEnvironmentSeconds must be at least 1, found %1</translation>
    </message>
    <message>
        <source>how long a warm environment waits before it is reaped, e.g. 300</source>
        <translation>how long a warm environment waits before it is reaped, e.g. 300</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not look like an AWS region</source>
        <translation>&apos;%1&apos; does not look like an AWS region</translation>
    </message>
    <message>
        <source>e.g. &apos;us-east-1&apos; or &apos;eu-west-3&apos;</source>
        <translation>e.g. &apos;us-east-1&apos; or &apos;eu-west-3&apos;</translation>
    </message>
    <message>
        <source>account id &apos;%1&apos; is not 12 digits</source>
        <translation>account id &apos;%1&apos; is not 12 digits</translation>
    </message>
    <message>
        <source>e.g. &apos;123456789012&apos;</source>
        <translation>e.g. &apos;123456789012&apos;</translation>
    </message>
    <message>
        <source>a saved request needs a name</source>
        <translation>a saved request needs a name</translation>
    </message>
    <message>
        <source>e.g. &quot;List items&quot;</source>
        <translation>e.g. &quot;List items&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an HTTP method</source>
        <translation>&apos;%1&apos; is not an HTTP method</translation>
    </message>
    <message>
        <source>use one of: %1</source>
        <translation>use one of: %1</translation>
    </message>
    <message>
        <source>a saved request needs a url</source>
        <translation>a saved request needs a url</translation>
    </message>
    <message>
        <source>e.g. &apos;{{baseUrl}}/items&apos;</source>
        <translation>e.g. &apos;{{baseUrl}}/items&apos;</translation>
    </message>
    <message>
        <source>there is none in the project yet; add it first</source>
        <translation>there is none in the project yet; add it first</translation>
    </message>
    <message>
        <source>did you mean &apos;%1&apos;?</source>
        <translation>did you mean &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>available: %1</source>
        <translation>available: %1</translation>
    </message>
    <message>
        <source>name &apos;%1&apos; is already used by %2</source>
        <translation>name &apos;%1&apos; is already used by %2</translation>
    </message>
    <message>
        <source>names must be unique; rename one</source>
        <translation>names must be unique; rename one</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3, found %4</source>
        <translation>%1 must be between %2 and %3, found %4</translation>
    </message>
    <message>
        <source>rateLimit cannot be negative (%1)</source>
        <translation>rateLimit cannot be negative (%1)</translation>
    </message>
    <message>
        <source>use 0 or more requests per second</source>
        <translation>use 0 or more requests per second</translation>
    </message>
    <message>
        <source>burstLimit cannot be negative (%1)</source>
        <translation>burstLimit cannot be negative (%1)</translation>
    </message>
    <message>
        <source>use 0 or more requests</source>
        <translation>use 0 or more requests</translation>
    </message>
    <message>
        <source>burstLimit 0 with a rateLimit above 0 throttles every request</source>
        <translation>burstLimit 0 with a rateLimit above 0 throttles every request</translation>
    </message>
    <message>
        <source>set burstLimit to at least the rateLimit</source>
        <translation>set burstLimit to at least the rateLimit</translation>
    </message>
    <message>
        <source>no function is set</source>
        <translation>no function is set</translation>
    </message>
    <message>
        <source>references unknown function &apos;%1&apos;</source>
        <translation>references unknown function &apos;%1&apos;</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; must be 3 to 63 characters long (it has %2)</source>
        <translation>bucket name &apos;%1&apos; must be 3 to 63 characters long (it has %2)</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; may contain only lowercase letters, digits, dots and hyphens</source>
        <translation>bucket name &apos;%1&apos; may contain only lowercase letters, digits, dots and hyphens</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; must start and end with a letter or digit</source>
        <translation>bucket name &apos;%1&apos; must start and end with a letter or digit</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; contains &apos;..&apos;</source>
        <translation>bucket name &apos;%1&apos; contains &apos;..&apos;</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; is formatted as an IP address</source>
        <translation>bucket name &apos;%1&apos; is formatted as an IP address</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; starts with the reserved prefix &apos;%2&apos;</source>
        <translation>bucket name &apos;%1&apos; starts with the reserved prefix &apos;%2&apos;</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; ends with the reserved suffix &apos;%2&apos;</source>
        <translation>bucket name &apos;%1&apos; ends with the reserved suffix &apos;%2&apos;</translation>
    </message>
    <message>
        <source>path is empty</source>
        <translation>path is empty</translation>
    </message>
    <message>
        <source>start it with &apos;/&apos;, e.g. &apos;/items&apos;</source>
        <translation>start it with &apos;/&apos;, e.g. &apos;/items&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not start with &apos;/&apos;</source>
        <translation>&apos;%1&apos; does not start with &apos;/&apos;</translation>
    </message>
    <message>
        <source>write &apos;/%1&apos;</source>
        <translation>write &apos;/%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; ends with &apos;/&apos;</source>
        <translation>&apos;%1&apos; ends with &apos;/&apos;</translation>
    </message>
    <message>
        <source>remove the trailing &apos;/&apos;: &apos;%1&apos;</source>
        <translation>remove the trailing &apos;/&apos;: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty segment (&apos;//&apos;)</source>
        <translation>&apos;%1&apos; has an empty segment (&apos;//&apos;)</translation>
    </message>
    <message>
        <source>remove the extra &apos;/&apos;</source>
        <translation>remove the extra &apos;/&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a &apos;{&apos; inside a parameter</source>
        <translation>&apos;%1&apos; has a &apos;{&apos; inside a parameter</translation>
    </message>
    <message>
        <source>write a parameter as &apos;{name}&apos;</source>
        <translation>write a parameter as &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a &apos;}&apos; without a matching &apos;{&apos;</source>
        <translation>&apos;%1&apos; has a &apos;}&apos; without a matching &apos;{&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unclosed &apos;{&apos;</source>
        <translation>&apos;%1&apos; has an unclosed &apos;{&apos;</translation>
    </message>
    <message>
        <source>close it: &apos;%1&apos;</source>
        <translation>close it: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains &apos;%2&apos;</source>
        <translation>&apos;%1&apos; contains &apos;%2&apos;</translation>
    </message>
    <message>
        <source>a route path has no spaces, query string (&apos;?&apos;) or fragment (&apos;#&apos;)</source>
        <translation>a route path has no spaces, query string (&apos;?&apos;) or fragment (&apos;#&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has more than one parameter</source>
        <translation>&apos;%1&apos; has more than one parameter</translation>
    </message>
    <message>
        <source>give each parameter its own segment</source>
        <translation>give each parameter its own segment</translation>
    </message>
    <message>
        <source>&apos;%1&apos; mixes literal text and a parameter</source>
        <translation>&apos;%1&apos; mixes literal text and a parameter</translation>
    </message>
    <message>
        <source>make the parameter a whole segment: &apos;%1&apos;</source>
        <translation>make the parameter a whole segment: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is an empty parameter</source>
        <translation>&apos;%1&apos; is an empty parameter</translation>
    </message>
    <message>
        <source>name it, e.g. &apos;{proxy+}&apos;</source>
        <translation>name it, e.g. &apos;{proxy+}&apos;</translation>
    </message>
    <message>
        <source>name it, e.g. &apos;{id}&apos;</source>
        <translation>name it, e.g. &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid parameter name</source>
        <translation>&apos;%1&apos; is not a valid parameter name</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation>use letters, digits, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; appears more than once in &apos;%2&apos;</source>
        <translation>parameter &apos;%1&apos; appears more than once in &apos;%2&apos;</translation>
    </message>
    <message>
        <source>rename one of them</source>
        <translation>rename one of them</translation>
    </message>
    <message>
        <source>greedy parameter &apos;%1&apos; must be the last segment of &apos;%2&apos;</source>
        <translation>greedy parameter &apos;%1&apos; must be the last segment of &apos;%2&apos;</translation>
    </message>
    <message>
        <source>move it to the end, e.g. &apos;/files/%1&apos;</source>
        <translation>move it to the end, e.g. &apos;/files/%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed here; this field accepts digits%2 and %3</source>
        <translation>&apos;%1&apos; is not allowed here; this field accepts digits%2 and %3</translation>
    </message>
    <message>
        <source>, names</source>
        <translation>, names</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range (%2-%3)</source>
        <translation>&apos;%1&apos; is out of range (%2-%3)</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>a value is missing</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value</source>
        <translation>&apos;%1&apos; is not a valid value</translation>
    </message>
    <message>
        <source>empty item in &apos;%1&apos;</source>
        <translation>empty item in &apos;%1&apos;</translation>
    </message>
    <message>
        <source>increment &apos;%1&apos; in &apos;%2&apos; must be a number from 1 to %3</source>
        <translation>increment &apos;%1&apos; in &apos;%2&apos; must be a number from 1 to %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no start before &apos;/&apos;; write &apos;*/%2&apos; or &apos;0/%2&apos;</source>
        <translation>&apos;%1&apos; has no start before &apos;/&apos;; write &apos;*/%2&apos; or &apos;0/%2&apos;</translation>
    </message>
    <message>
        <source>range &apos;%1&apos; goes backwards</source>
        <translation>range &apos;%1&apos; goes backwards</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;L&apos; and &apos;W&apos; stand alone, as in &apos;L&apos;, &apos;LW&apos; or &apos;15W&apos;</source>
        <translation>&apos;%1&apos;: &apos;L&apos; and &apos;W&apos; stand alone, as in &apos;L&apos;, &apos;LW&apos; or &apos;15W&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;#&apos; takes one day and one week number, as in &apos;2#1&apos;</source>
        <translation>&apos;%1&apos;: &apos;#&apos; takes one day and one week number, as in &apos;2#1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the week number after &apos;#&apos; must be from 1 to 5</source>
        <translation>&apos;%1&apos;: the week number after &apos;#&apos; must be from 1 to 5</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;L&apos; follows a single day, as in &apos;5L&apos;</source>
        <translation>&apos;%1&apos;: &apos;L&apos; follows a single day, as in &apos;5L&apos;</translation>
    </message>
    <message>
        <source>cron() needs 6 fields (minutes hours day-of-month month day-of-week year), found %1</source>
        <translation>cron() needs 6 fields (minutes hours day-of-month month day-of-week year), found %1</translation>
    </message>
    <message>
        <source>; add the year, e.g. &apos;*&apos;</source>
        <translation>; add the year, e.g. &apos;*&apos;</translation>
    </message>
    <message>
        <source>; EventBridge has no seconds field (one minute is the finest)</source>
        <translation>; EventBridge has no seconds field (one minute is the finest)</translation>
    </message>
    <message>
        <source>day-of-month and day-of-week cannot both be &apos;?&apos;; set one of them, e.g. &apos;*&apos; in day-of-month</source>
        <translation>day-of-month and day-of-week cannot both be &apos;?&apos;; set one of them, e.g. &apos;*&apos; in day-of-month</translation>
    </message>
    <message>
        <source>day-of-month and day-of-week cannot both be set; use &apos;?&apos; in one of them</source>
        <translation>day-of-month and day-of-week cannot both be set; use &apos;?&apos; in one of them</translation>
    </message>
    <message>
        <source>the schedule expression is empty</source>
        <translation>the schedule expression is empty</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a schedule expression; write rate(value unit) or cron(minutes hours day-of-month month day-of-week year)</source>
        <translation>&apos;%1&apos; is not a schedule expression; write rate(value unit) or cron(minutes hours day-of-month month day-of-week year)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing the closing &apos;)&apos;</source>
        <translation>&apos;%1&apos; is missing the closing &apos;)&apos;</translation>
    </message>
    <message>
        <source>rate() takes a value and a unit, e.g. &apos;rate(5 minutes)&apos;</source>
        <translation>rate() takes a value and a unit, e.g. &apos;rate(5 minutes)&apos;</translation>
    </message>
    <message>
        <source>rate(): &apos;%1&apos; is not a positive whole number</source>
        <translation>rate(): &apos;%1&apos; is not a positive whole number</translation>
    </message>
    <message>
        <source>rate(): use &apos;%1&apos; for a value of 1, as in &apos;rate(1 %1)&apos;</source>
        <translation>rate(): use &apos;%1&apos; for a value of 1, as in &apos;rate(1 %1)&apos;</translation>
    </message>
    <message>
        <source>rate(): use &apos;%1&apos; for a value of %2, as in &apos;rate(%2 %1)&apos;</source>
        <translation>rate(): use &apos;%1&apos; for a value of %2, as in &apos;rate(%2 %1)&apos;</translation>
    </message>
    <message>
        <source>rate(): &apos;%1&apos; is not supported; the smallest unit is a minute</source>
        <translation>rate(): &apos;%1&apos; is not supported; the smallest unit is a minute</translation>
    </message>
    <message>
        <source>rate(): unknown unit &apos;%1&apos;; use minute(s), hour(s) or day(s)</source>
        <translation>rate(): unknown unit &apos;%1&apos;; use minute(s), hour(s) or day(s)</translation>
    </message>
    <message>
        <source>write &apos;module.function&apos;, e.g. &apos;app.lambda_handler&apos; for app.py</source>
        <translation>write &apos;module.function&apos;, e.g. &apos;app.lambda_handler&apos; for app.py</translation>
    </message>
    <message>
        <source>write &apos;file.function&apos;, e.g. &apos;index.handler&apos; for index.js</source>
        <translation>write &apos;file.function&apos;, e.g. &apos;index.handler&apos; for index.js</translation>
    </message>
    <message>
        <source>code folder &apos;%1&apos; is not a folder</source>
        <translation>code folder &apos;%1&apos; is not a folder</translation>
    </message>
    <message>
        <source>code folder &apos;%1&apos; does not exist</source>
        <translation>code folder &apos;%1&apos; does not exist</translation>
    </message>
    <message>
        <source>create it, or fix codeUri (it is relative to the project folder)</source>
        <translation>create it, or fix codeUri (it is relative to the project folder)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist</source>
        <translation>&apos;%1&apos; does not exist</translation>
    </message>
    <message>
        <source>a provided runtime starts an executable named &apos;bootstrap&apos; in the code folder</source>
        <translation>a provided runtime starts an executable named &apos;bootstrap&apos; in the code folder</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not executable</source>
        <translation>&apos;%1&apos; is not executable</translation>
    </message>
    <message>
        <source>make it executable: chmod +x %1</source>
        <translation>make it executable: chmod +x %1</translation>
    </message>
    <message>
        <source>handler file &apos;%1&apos; does not exist</source>
        <translation>handler file &apos;%1&apos; does not exist</translation>
    </message>
    <message>
        <source>create it, or fix the handler (&apos;module.function&apos; runs module.py)</source>
        <translation>create it, or fix the handler (&apos;module.function&apos; runs module.py)</translation>
    </message>
    <message>
        <source>handler file &apos;%1&apos; does not exist (nor its .mjs or .cjs variant)</source>
        <translation>handler file &apos;%1&apos; does not exist (nor its .mjs or .cjs variant)</translation>
    </message>
    <message>
        <source>create it, or fix the handler (&apos;file.function&apos; runs file.js)</source>
        <translation>create it, or fix the handler (&apos;file.function&apos; runs file.js)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved by Lambda</source>
        <translation>&apos;%1&apos; is reserved by Lambda</translation>
    </message>
    <message>
        <source>Lambda sets it itself; choose another name</source>
        <translation>Lambda sets it itself; choose another name</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid environment variable name</source>
        <translation>&apos;%1&apos; is not a valid environment variable name</translation>
    </message>
    <message>
        <source>start with a letter, then letters, digits or &apos;_&apos; (2 or more)</source>
        <translation>start with a letter, then letters, digits or &apos;_&apos; (2 or more)</translation>
    </message>
    <message>
        <source>Lambda sets &apos;%1&apos; itself for X-Ray tracing</source>
        <translation>Lambda sets &apos;%1&apos; itself for X-Ray tracing</translation>
    </message>
    <message>
        <source>remove it unless you mean to override the tracing setup</source>
        <translation>remove it unless you mean to override the tracing setup</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set twice</source>
        <translation>&apos;%1&apos; is set twice</translation>
    </message>
    <message>
        <source>keep one of them</source>
        <translation>keep one of them</translation>
    </message>
    <message>
        <source>environment variables take %1 bytes; Lambda allows 4 KB (4096 bytes)</source>
        <translation>environment variables take %1 bytes; Lambda allows 4 KB (4096 bytes)</translation>
    </message>
    <message>
        <source>move large values into files or a secret store</source>
        <translation>move large values into files or a secret store</translation>
    </message>
    <message>
        <source>a function needs a name</source>
        <translation>a function needs a name</translation>
    </message>
    <message>
        <source>add &quot;name&quot;: &quot;myFunction&quot;</source>
        <translation>add &quot;name&quot;: &quot;myFunction&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid function name</source>
        <translation>&apos;%1&apos; is not a valid function name</translation>
    </message>
    <message>
        <source>use 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>use 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</translation>
    </message>
    <message>
        <source>runtime &apos;%1&apos; is not supported</source>
        <translation>runtime &apos;%1&apos; is not supported</translation>
    </message>
    <message>
        <source>handler is empty</source>
        <translation>handler is empty</translation>
    </message>
    <message>
        <source>any name your bootstrap understands, e.g. &apos;function.handler&apos;</source>
        <translation>any name your bootstrap understands, e.g. &apos;function.handler&apos;</translation>
    </message>
    <message>
        <source>handler &apos;%1&apos; is not of the form &apos;module.function&apos;</source>
        <translation>handler &apos;%1&apos; is not of the form &apos;module.function&apos;</translation>
    </message>
    <message>
        <source>handler &apos;%1&apos; is not of the form &apos;file.function&apos;</source>
        <translation>handler &apos;%1&apos; is not of the form &apos;file.function&apos;</translation>
    </message>
    <message>
        <source>handler &apos;%1&apos; points outside the code folder</source>
        <translation>handler &apos;%1&apos; points outside the code folder</translation>
    </message>
    <message>
        <source>use a path below codeUri</source>
        <translation>use a path below codeUri</translation>
    </message>
    <message>
        <source>Lambda allows 128 to 10240 MB</source>
        <translation>Lambda allows 128 to 10240 MB</translation>
    </message>
    <message>
        <source>Lambda allows up to 900 seconds (15 minutes)</source>
        <translation>Lambda allows up to 900 seconds (15 minutes)</translation>
    </message>
    <message>
        <source>architecture &apos;%1&apos; is not supported</source>
        <translation>architecture &apos;%1&apos; is not supported</translation>
    </message>
    <message>
        <source>use x86_64 or arm64</source>
        <translation>use x86_64 or arm64</translation>
    </message>
    <message>
        <source>Lambda&apos;s default account concurrency is 1000</source>
        <translation>Lambda&apos;s default account concurrency is 1000</translation>
    </message>
    <message>
        <source>reservedConcurrency 0 throttles every invocation</source>
        <translation>reservedConcurrency 0 throttles every invocation</translation>
    </message>
    <message>
        <source>remove it to use the shared pool</source>
        <translation>remove it to use the shared pool</translation>
    </message>
    <message>
        <source>reservedConcurrency %1 is above the project&apos;s concurrencyLimit of %2</source>
        <translation>reservedConcurrency %1 is above the project&apos;s concurrencyLimit of %2</translation>
    </message>
    <message>
        <source>raise settings.concurrencyLimit to run that many at once</source>
        <translation>raise settings.concurrencyLimit to run that many at once</translation>
    </message>
    <message>
        <source>routeSelectionExpression is only used by WebSocket APIs</source>
        <translation>routeSelectionExpression is only used by WebSocket APIs</translation>
    </message>
    <message>
        <source>remove it</source>
        <translation>remove it</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a route selection expression</source>
        <translation>&apos;%1&apos; is not a route selection expression</translation>
    </message>
    <message>
        <source>write &apos;$request.body.&lt;property&gt;&apos;, e.g. &apos;$request.body.action&apos;</source>
        <translation>write &apos;$request.body.&lt;property&gt;&apos;, e.g. &apos;$request.body.action&apos;</translation>
    </message>
    <message>
        <source>binaryMediaTypes is only used by REST APIs</source>
        <translation>binaryMediaTypes is only used by REST APIs</translation>
    </message>
    <message>
        <source>HTTP APIs decide by the isBase64Encoded flag; remove it</source>
        <translation>HTTP APIs decide by the isBase64Encoded flag; remove it</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a media type</source>
        <translation>&apos;%1&apos; is not a media type</translation>
    </message>
    <message>
        <source>e.g. &apos;image/png&apos; or &apos;*/*&apos;</source>
        <translation>e.g. &apos;image/png&apos; or &apos;*/*&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid domain name</source>
        <translation>&apos;%1&apos; is not a valid domain name</translation>
    </message>
    <message>
        <source>e.g. &apos;api.example.com&apos;</source>
        <translation>e.g. &apos;api.example.com&apos;</translation>
    </message>
    <message>
        <source>references unknown stage &apos;%1&apos; of API &apos;%2&apos;</source>
        <translation>references unknown stage &apos;%1&apos; of API &apos;%2&apos;</translation>
    </message>
    <message>
        <source>base path &apos;%1&apos; of &apos;%2&apos; is already mapped by %3</source>
        <translation>base path &apos;%1&apos; of &apos;%2&apos; is already mapped by %3</translation>
    </message>
    <message>
        <source>each base path of a domain leads to one API stage</source>
        <translation>each base path of a domain leads to one API stage</translation>
    </message>
    <message>
        <source>an API needs a name</source>
        <translation>an API needs a name</translation>
    </message>
    <message>
        <source>add &quot;name&quot;: &quot;my-api&quot;</source>
        <translation>add &quot;name&quot;: &quot;my-api&quot;</translation>
    </message>
    <message>
        <source>use 0 to pick a free port, or 1 to 65535</source>
        <translation>use 0 to pick a free port, or 1 to 65535</translation>
    </message>
    <message>
        <source>port %1 is also used by API &apos;%2&apos; (%3)</source>
        <translation>port %1 is also used by API &apos;%2&apos; (%3)</translation>
    </message>
    <message>
        <source>give each API its own port, or 0 to pick a free one</source>
        <translation>give each API its own port, or 0 to pick a free one</translation>
    </message>
    <message>
        <source>port %1 usually needs administrator rights</source>
        <translation>port %1 usually needs administrator rights</translation>
    </message>
    <message>
        <source>use a port above 1023, or 0</source>
        <translation>use a port above 1023, or 0</translation>
    </message>
    <message>
        <source>routeKey is only for WebSocket routes</source>
        <translation>routeKey is only for WebSocket routes</translation>
    </message>
    <message>
        <source>use method and path, and remove routeKey</source>
        <translation>use method and path, and remove routeKey</translation>
    </message>
    <message>
        <source>routeResponse is only used by WebSocket routes</source>
        <translation>routeResponse is only used by WebSocket routes</translation>
    </message>
    <message>
        <source>&apos;$default&apos; routes exist only on HTTP APIs</source>
        <translation>&apos;$default&apos; routes exist only on HTTP APIs</translation>
    </message>
    <message>
        <source>use ANY /{proxy+} to catch every request on a REST API</source>
        <translation>use ANY /{proxy+} to catch every request on a REST API</translation>
    </message>
    <message>
        <source>write it in capitals: &apos;%1&apos;</source>
        <translation>write it in capitals: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>WebSocket routes have no path</source>
        <translation>WebSocket routes have no path</translation>
    </message>
    <message>
        <source>use routeKey instead, e.g. &apos;sendmessage&apos;</source>
        <translation>use routeKey instead, e.g. &apos;sendmessage&apos;</translation>
    </message>
    <message>
        <source>WebSocket routes have no method</source>
        <translation>WebSocket routes have no method</translation>
    </message>
    <message>
        <source>remove method; routeKey selects the route</source>
        <translation>remove method; routeKey selects the route</translation>
    </message>
    <message>
        <source>a WebSocket route needs a routeKey</source>
        <translation>a WebSocket route needs a routeKey</translation>
    </message>
    <message>
        <source>use &apos;$connect&apos;, &apos;$disconnect&apos;, &apos;$default&apos; or a custom key such as &apos;sendmessage&apos;</source>
        <translation>use &apos;$connect&apos;, &apos;$disconnect&apos;, &apos;$default&apos; or a custom key such as &apos;sendmessage&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a predefined route key</source>
        <translation>&apos;%1&apos; is not a predefined route key</translation>
    </message>
    <message>
        <source>use $connect, $disconnect or $default, or a custom key without &apos;$&apos;</source>
        <translation>use $connect, $disconnect or $default, or a custom key without &apos;$&apos;</translation>
    </message>
    <message>
        <source>route key &apos;%1&apos; contains whitespace</source>
        <translation>route key &apos;%1&apos; contains whitespace</translation>
    </message>
    <message>
        <source>remove the spaces</source>
        <translation>remove the spaces</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is defined twice (also %2)</source>
        <translation>route &apos;%1&apos; is defined twice (also %2)</translation>
    </message>
    <message>
        <source>remove one of them</source>
        <translation>remove one of them</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is ambiguous with &apos;%2&apos; (%3): the paths differ only in parameter names</source>
        <translation>&apos;%1&apos; is ambiguous with &apos;%2&apos; (%3): the paths differ only in parameter names</translation>
    </message>
    <message>
        <source>use one route, or the same parameter name at each position</source>
        <translation>use one route, or the same parameter name at each position</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in &apos;%2&apos; conflicts with &apos;%3&apos; in &apos;%4&apos; (%5): a REST API resource can have only one variable child</source>
        <translation>&apos;%1&apos; in &apos;%2&apos; conflicts with &apos;%3&apos; in &apos;%4&apos; (%5): a REST API resource can have only one variable child</translation>
    </message>
    <message>
        <source>use the same parameter at this level</source>
        <translation>use the same parameter at this level</translation>
    </message>
    <message>
        <source>references unknown authorizer &apos;%1&apos;</source>
        <translation>references unknown authorizer &apos;%1&apos;</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos; works only on HTTP APIs, not on %2 APIs</source>
        <translation>JWT authorizer &apos;%1&apos; works only on HTTP APIs, not on %2 APIs</translation>
    </message>
    <message>
        <source>use a Lambda authorizer on REST and WebSocket APIs</source>
        <translation>use a Lambda authorizer on REST and WebSocket APIs</translation>
    </message>
    <message>
        <source>API key authorizer &apos;%1&apos; works only on REST APIs, not on %2 APIs</source>
        <translation>API key authorizer &apos;%1&apos; works only on REST APIs, not on %2 APIs</translation>
    </message>
    <message>
        <source>HTTP APIs do not support API keys; use a Lambda or JWT authorizer</source>
        <translation>HTTP APIs do not support API keys; use a Lambda or JWT authorizer</translation>
    </message>
    <message>
        <source>use a Lambda authorizer</source>
        <translation>use a Lambda authorizer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a TOKEN authorizer; %2 APIs support only REQUEST Lambda authorizers</source>
        <translation>&apos;%1&apos; is a TOKEN authorizer; %2 APIs support only REQUEST Lambda authorizers</translation>
    </message>
    <message>
        <source>set its lambdaType to REQUEST with an identity source</source>
        <translation>set its lambdaType to REQUEST with an identity source</translation>
    </message>
    <message>
        <source>WebSocket APIs authorize only the $connect route</source>
        <translation>WebSocket APIs authorize only the $connect route</translation>
    </message>
    <message>
        <source>move the authorizer to the $connect route</source>
        <translation>move the authorizer to the $connect route</translation>
    </message>
    <message>
        <source>authorization scopes are only checked by JWT authorizers</source>
        <translation>authorization scopes are only checked by JWT authorizers</translation>
    </message>
    <message>
        <source>remove them, or use a JWT authorizer</source>
        <translation>remove them, or use a JWT authorizer</translation>
    </message>
    <message>
        <source>route key &apos;%1&apos; is defined twice (also %2)</source>
        <translation>route key &apos;%1&apos; is defined twice (also %2)</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; may run for %2 s, but the API stops waiting after %3 s</source>
        <translation>function &apos;%1&apos; may run for %2 s, but the API stops waiting after %3 s</translation>
    </message>
    <message>
        <source>lower the function&apos;s timeoutSeconds, or expect timeout responses</source>
        <translation>lower the function&apos;s timeoutSeconds, or expect timeout responses</translation>
    </message>
    <message>
        <source>payload format &apos;%1&apos; is not supported</source>
        <translation>payload format &apos;%1&apos; is not supported</translation>
    </message>
    <message>
        <source>use &quot;1.0&quot; or &quot;2.0&quot;</source>
        <translation>use &quot;1.0&quot; or &quot;2.0&quot;</translation>
    </message>
    <message>
        <source>payload format %1 is only for HTTP APIs; this API uses 1.0</source>
        <translation>payload format %1 is only for HTTP APIs; this API uses 1.0</translation>
    </message>
    <message>
        <source>remove payloadFormatVersion or set &quot;1.0&quot;</source>
        <translation>remove payloadFormatVersion or set &quot;1.0&quot;</translation>
    </message>
    <message>
        <source>an HTTP proxy integration needs a url</source>
        <translation>an HTTP proxy integration needs a url</translation>
    </message>
    <message>
        <source>e.g. &apos;https://example.com/{proxy}&apos;</source>
        <translation>e.g. &apos;https://example.com/{proxy}&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an absolute http(s) URL</source>
        <translation>&apos;%1&apos; is not an absolute http(s) URL</translation>
    </message>
    <message>
        <source>e.g. &apos;https://example.com/items/{id}&apos;</source>
        <translation>e.g. &apos;https://example.com/items/{id}&apos;</translation>
    </message>
    <message>
        <source>&apos;{%1}&apos; in the URL is not a parameter of the route path</source>
        <translation>&apos;{%1}&apos; in the URL is not a parameter of the route path</translation>
    </message>
    <message>
        <source>the route path has no parameters</source>
        <translation>the route path has no parameters</translation>
    </message>
    <message>
        <source>the route has: %1</source>
        <translation>the route has: %1</translation>
    </message>
    <message>
        <source>stage variable &apos;%1&apos; is not defined by any stage of this API</source>
        <translation>stage variable &apos;%1&apos; is not defined by any stage of this API</translation>
    </message>
    <message>
        <source>add it to the stages&apos; variables</source>
        <translation>add it to the stages&apos; variables</translation>
    </message>
    <message>
        <source>use an HTTP status code from 100 to 599</source>
        <translation>use an HTTP status code from 100 to 599</translation>
    </message>
    <message>
        <source>HTTP APIs on AWS have no mock integrations; this route works only locally</source>
        <translation>HTTP APIs on AWS have no mock integrations; this route works only locally</translation>
    </message>
    <message>
        <source>use a Lambda function that returns the fixed response</source>
        <translation>use a Lambda function that returns the fixed response</translation>
    </message>
    <message>
        <source>HTTP APIs allow 50 ms to 30 seconds</source>
        <translation>HTTP APIs allow 50 ms to 30 seconds</translation>
    </message>
    <message>
        <source>REST and WebSocket APIs allow 50 ms to 29 seconds</source>
        <translation>REST and WebSocket APIs allow 50 ms to 29 seconds</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid stage variable name</source>
        <translation>&apos;%1&apos; is not a valid stage variable name</translation>
    </message>
    <message>
        <source>use letters, digits and &apos;_&apos;</source>
        <translation>use letters, digits and &apos;_&apos;</translation>
    </message>
    <message>
        <source>the value of &apos;%1&apos; has %2 characters; API Gateway allows 2048</source>
        <translation>the value of &apos;%1&apos; has %2 characters; API Gateway allows 2048</translation>
    </message>
    <message>
        <source>shorten it</source>
        <translation>shorten it</translation>
    </message>
    <message>
        <source>stage variable &apos;%1&apos; has an empty value</source>
        <translation>stage variable &apos;%1&apos; has an empty value</translation>
    </message>
    <message>
        <source>API Gateway requires a value; remove the variable instead</source>
        <translation>API Gateway requires a value; remove the variable instead</translation>
    </message>
    <message>
        <source>the value of &apos;%1&apos; contains characters API Gateway does not allow</source>
        <translation>the value of &apos;%1&apos; contains characters API Gateway does not allow</translation>
    </message>
    <message>
        <source>use letters, digits and - . _ ~ : / ? # &amp; = , (no spaces)</source>
        <translation>use letters, digits and - . _ ~ : / ? # &amp; = , (no spaces)</translation>
    </message>
    <message>
        <source>a stage needs a name</source>
        <translation>a stage needs a name</translation>
    </message>
    <message>
        <source>e.g. &apos;dev&apos;, or &apos;$default&apos;</source>
        <translation>e.g. &apos;dev&apos;, or &apos;$default&apos;</translation>
    </message>
    <message>
        <source>REST APIs have no &apos;$default&apos; stage</source>
        <translation>REST APIs have no &apos;$default&apos; stage</translation>
    </message>
    <message>
        <source>use a name such as &apos;dev&apos;</source>
        <translation>use a name such as &apos;dev&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid stage name</source>
        <translation>&apos;%1&apos; is not a valid stage name</translation>
    </message>
    <message>
        <source>use 1 to 128 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>use 1 to 128 letters, digits, &apos;-&apos; or &apos;_&apos;</translation>
    </message>
    <message>
        <source>WebSocket APIs do not use CORS</source>
        <translation>WebSocket APIs do not use CORS</translation>
    </message>
    <message>
        <source>remove cors</source>
        <translation>remove cors</translation>
    </message>
    <message>
        <source>use 0 to 86400 seconds (one day)</source>
        <translation>use 0 to 86400 seconds (one day)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an origin</source>
        <translation>&apos;%1&apos; is not an origin</translation>
    </message>
    <message>
        <source>an origin has no path; remove the trailing &apos;/&apos;: &apos;%1&apos;</source>
        <translation>an origin has no path; remove the trailing &apos;/&apos;: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>write scheme://host[:port], e.g. &apos;https://example.com&apos;, or &apos;*&apos;</source>
        <translation>write scheme://host[:port], e.g. &apos;https://example.com&apos;, or &apos;*&apos;</translation>
    </message>
    <message>
        <source>allowCredentials cannot be used with the &apos;*&apos; origin</source>
        <translation>allowCredentials cannot be used with the &apos;*&apos; origin</translation>
    </message>
    <message>
        <source>list the allowed origins explicitly</source>
        <translation>list the allowed origins explicitly</translation>
    </message>
    <message>
        <source>use %1 or &apos;*&apos;</source>
        <translation>use %1 or &apos;*&apos;</translation>
    </message>
    <message>
        <source>e.g. &apos;$request.header.Authorization&apos;, &apos;$request.querystring.token&apos;, &apos;$context.X&apos; or &apos;$stageVariables.X&apos;</source>
        <translation>e.g. &apos;$request.header.Authorization&apos;, &apos;$request.querystring.token&apos;, &apos;$context.X&apos; or &apos;$stageVariables.X&apos;</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; uses http; AWS accepts only https</source>
        <translation>%1 &apos;%2&apos; uses http; AWS accepts only https</translation>
    </message>
    <message>
        <source>fine for local testing; use https on AWS</source>
        <translation>fine for local testing; use https on AWS</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; must be an https URL</source>
        <translation>%1 &apos;%2&apos; must be an https URL</translation>
    </message>
    <message>
        <source>e.g. &apos;https://auth.example.com/&apos;</source>
        <translation>e.g. &apos;https://auth.example.com/&apos;</translation>
    </message>
    <message>
        <source>a JWT authorizer needs an issuer</source>
        <translation>a JWT authorizer needs an issuer</translation>
    </message>
    <message>
        <source>the URL in the tokens&apos; &apos;iss&apos; claim, e.g. &apos;https://auth.example.com/&apos;</source>
        <translation>the URL in the tokens&apos; &apos;iss&apos; claim, e.g. &apos;https://auth.example.com/&apos;</translation>
    </message>
    <message>
        <source>a JWT authorizer needs at least one audience</source>
        <translation>a JWT authorizer needs at least one audience</translation>
    </message>
    <message>
        <source>add the client id the tokens are issued for</source>
        <translation>add the client id the tokens are issued for</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an identity source</source>
        <translation>&apos;%1&apos; is not an identity source</translation>
    </message>
    <message>
        <source>JWKS file &apos;%1&apos; does not exist</source>
        <translation>JWKS file &apos;%1&apos; does not exist</translation>
    </message>
    <message>
        <source>give an https URL or a file relative to the project folder</source>
        <translation>give an https URL or a file relative to the project folder</translation>
    </message>
    <message>
        <source>lambdaType &apos;%1&apos; is not supported</source>
        <translation>lambdaType &apos;%1&apos; is not supported</translation>
    </message>
    <message>
        <source>use REQUEST or TOKEN</source>
        <translation>use REQUEST or TOKEN</translation>
    </message>
    <message>
        <source>0 disables caching; the maximum is 3600</source>
        <translation>0 disables caching; the maximum is 3600</translation>
    </message>
    <message>
        <source>a TOKEN authorizer reads exactly one header</source>
        <translation>a TOKEN authorizer reads exactly one header</translation>
    </message>
    <message>
        <source>e.g. [&quot;$request.header.Authorization&quot;]</source>
        <translation>e.g. [&quot;$request.header.Authorization&quot;]</translation>
    </message>
    <message>
        <source>a REQUEST authorizer with caching needs at least one identity source</source>
        <translation>a REQUEST authorizer with caching needs at least one identity source</translation>
    </message>
    <message>
        <source>add one, or set resultTtlSeconds to 0 to turn caching off</source>
        <translation>add one, or set resultTtlSeconds to 0 to turn caching off</translation>
    </message>
    <message>
        <source>simple responses need payload format 2.0</source>
        <translation>simple responses need payload format 2.0</translation>
    </message>
    <message>
        <source>set payloadFormatVersion to &quot;2.0&quot;</source>
        <translation>set payloadFormatVersion to &quot;2.0&quot;</translation>
    </message>
    <message>
        <source>the regular expression does not compile: %1 (at %2)</source>
        <translation>the regular expression does not compile: %1 (at %2)</translation>
    </message>
    <message>
        <source>fix the pattern, e.g. &apos;^Bearer [-0-9a-zA-Z._]+$&apos;</source>
        <translation>fix the pattern, e.g. &apos;^Bearer [-0-9a-zA-Z._]+$&apos;</translation>
    </message>
    <message>
        <source>tokenValidationRegex is only used by TOKEN authorizers</source>
        <translation>tokenValidationRegex is only used by TOKEN authorizers</translation>
    </message>
    <message>
        <source>remove it, or set lambdaType to TOKEN</source>
        <translation>remove it, or set lambdaType to TOKEN</translation>
    </message>
    <message>
        <source>an API key authorizer needs at least one key</source>
        <translation>an API key authorizer needs at least one key</translation>
    </message>
    <message>
        <source>add {&quot;name&quot;: &quot;client&quot;, &quot;value&quot;: &quot;...&quot;}</source>
        <translation>add {&quot;name&quot;: &quot;client&quot;, &quot;value&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>an API key needs a name</source>
        <translation>an API key needs a name</translation>
    </message>
    <message>
        <source>name the client that uses it</source>
        <translation>name the client that uses it</translation>
    </message>
    <message>
        <source>the value of API key &apos;%1&apos; has %2 characters; API Gateway needs 20 to 128</source>
        <translation>the value of API key &apos;%1&apos; has %2 characters; API Gateway needs 20 to 128</translation>
    </message>
    <message>
        <source>use a long random string</source>
        <translation>use a long random string</translation>
    </message>
    <message>
        <source>the value of API key &apos;%1&apos; is also used by %2</source>
        <translation>the value of API key &apos;%1&apos; is also used by %2</translation>
    </message>
    <message>
        <source>API key values must be unique</source>
        <translation>API key values must be unique</translation>
    </message>
    <message>
        <source>the quota limit must be above 0, found %1</source>
        <translation>the quota limit must be above 0, found %1</translation>
    </message>
    <message>
        <source>the number of requests allowed per period</source>
        <translation>the number of requests allowed per period</translation>
    </message>
    <message>
        <source>quota period &apos;%1&apos; is not supported</source>
        <translation>quota period &apos;%1&apos; is not supported</translation>
    </message>
    <message>
        <source>use DAY, WEEK or MONTH</source>
        <translation>use DAY, WEEK or MONTH</translation>
    </message>
    <message>
        <source>an authorizer needs a name</source>
        <translation>an authorizer needs a name</translation>
    </message>
    <message>
        <source>routes refer to it by this name</source>
        <translation>routes refer to it by this name</translation>
    </message>
    <message>
        <source>a notification needs at least one event type</source>
        <translation>a notification needs at least one event type</translation>
    </message>
    <message>
        <source>e.g. [&quot;s3:ObjectCreated:*&quot;]</source>
        <translation>e.g. [&quot;s3:ObjectCreated:*&quot;]</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an S3 event type</source>
        <translation>&apos;%1&apos; is not an S3 event type</translation>
    </message>
    <message>
        <source>overlaps %1 for &apos;%2&apos; with overlapping prefix and suffix filters; S3 rejects this as &quot;Configuration is ambiguously defined&quot;</source>
        <translation>overlaps %1 for &apos;%2&apos; with overlapping prefix and suffix filters; S3 rejects this as &quot;Configuration is ambiguously defined&quot;</translation>
    </message>
    <message>
        <source>make the prefixes or suffixes disjoint, or merge the two rules</source>
        <translation>make the prefixes or suffixes disjoint, or merge the two rules</translation>
    </message>
    <message>
        <source>a bucket needs a name</source>
        <translation>a bucket needs a name</translation>
    </message>
    <message>
        <source>e.g. &quot;my-uploads&quot;</source>
        <translation>e.g. &quot;my-uploads&quot;</translation>
    </message>
    <message>
        <source>use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit</source>
        <translation>use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit</translation>
    </message>
    <message>
        <source>a schedule needs a name</source>
        <translation>a schedule needs a name</translation>
    </message>
    <message>
        <source>e.g. &quot;nightly-report&quot;</source>
        <translation>e.g. &quot;nightly-report&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid schedule name</source>
        <translation>&apos;%1&apos; is not a valid schedule name</translation>
    </message>
    <message>
        <source>use 1 to 64 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;</source>
        <translation>use 1 to 64 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;</translation>
    </message>
    <message>
        <source>e.g. &apos;rate(5 minutes)&apos; or &apos;cron(0 10 * * ? *)&apos; (10:00 every day)</source>
        <translation>e.g. &apos;rate(5 minutes)&apos; or &apos;cron(0 10 * * ? *)&apos; (10:00 every day)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; never fires after %2</source>
        <translation>&apos;%1&apos; never fires after %2</translation>
    </message>
    <message>
        <source>check the year, month and day fields</source>
        <translation>check the year, month and day fields</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known time zone</source>
        <translation>&apos;%1&apos; is not a known time zone</translation>
    </message>
    <message>
        <source>use an IANA name such as &apos;Europe/Paris&apos;, or leave it empty for UTC</source>
        <translation>use an IANA name such as &apos;Europe/Paris&apos;, or leave it empty for UTC</translation>
    </message>
    <message>
        <source>a queue needs a name</source>
        <translation>a queue needs a name</translation>
    </message>
    <message>
        <source>e.g. &quot;orders&quot; or &quot;orders.fifo&quot;</source>
        <translation>e.g. &quot;orders&quot; or &quot;orders.fifo&quot;</translation>
    </message>
    <message>
        <source>a FIFO queue&apos;s name must end in &apos;.fifo&apos;</source>
        <translation>a FIFO queue&apos;s name must end in &apos;.fifo&apos;</translation>
    </message>
    <message>
        <source>rename it to &apos;%1.fifo&apos;</source>
        <translation>rename it to &apos;%1.fifo&apos;</translation>
    </message>
    <message>
        <source>queue &apos;%1&apos; ends in &apos;.fifo&apos; but fifo is false</source>
        <translation>queue &apos;%1&apos; ends in &apos;.fifo&apos; but fifo is false</translation>
    </message>
    <message>
        <source>set &quot;fifo&quot;: true, or rename the queue</source>
        <translation>set &quot;fifo&quot;: true, or rename the queue</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid queue name</source>
        <translation>&apos;%1&apos; is not a valid queue name</translation>
    </message>
    <message>
        <source>use up to 80 letters, digits, &apos;-&apos; or &apos;_&apos; (FIFO names include &apos;.fifo&apos;)</source>
        <translation>use up to 80 letters, digits, &apos;-&apos; or &apos;_&apos; (FIFO names include &apos;.fifo&apos;)</translation>
    </message>
    <message>
        <source>SQS allows 1 to 1000 receives</source>
        <translation>SQS allows 1 to 1000 receives</translation>
    </message>
    <message>
        <source>a queue cannot be its own dead-letter queue</source>
        <translation>a queue cannot be its own dead-letter queue</translation>
    </message>
    <message>
        <source>name another queue</source>
        <translation>name another queue</translation>
    </message>
    <message>
        <source>references unknown queue &apos;%1&apos;</source>
        <translation>references unknown queue &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the dead-letter queue of a FIFO queue must be a FIFO queue</source>
        <translation>the dead-letter queue of a FIFO queue must be a FIFO queue</translation>
    </message>
    <message>
        <source>the dead-letter queue of a standard queue must be a standard queue</source>
        <translation>the dead-letter queue of a standard queue must be a standard queue</translation>
    </message>
    <message>
        <source>choose a queue of the same type</source>
        <translation>choose a queue of the same type</translation>
    </message>
    <message>
        <source>FIFO queues allow batches of 1 to 10</source>
        <translation>FIFO queues allow batches of 1 to 10</translation>
    </message>
    <message>
        <source>standard queues allow batches of 1 to 10000</source>
        <translation>standard queues allow batches of 1 to 10000</translation>
    </message>
    <message>
        <source>use 0 to 300 seconds</source>
        <translation>use 0 to 300 seconds</translation>
    </message>
    <message>
        <source>a batch size above 10 needs maximumBatchingWindowSeconds of at least 1</source>
        <translation>a batch size above 10 needs maximumBatchingWindowSeconds of at least 1</translation>
    </message>
    <message>
        <source>set it to 1 or more, or use batches of 10</source>
        <translation>set it to 1 or more, or use batches of 10</translation>
    </message>
    <message>
        <source>visibility timeout %1 s is shorter than the timeout of function &apos;%2&apos; (%3 s)</source>
        <translation>visibility timeout %1 s is shorter than the timeout of function &apos;%2&apos; (%3 s)</translation>
    </message>
    <message>
        <source>raise it; AWS recommends %1 s</source>
        <translation>raise it; AWS recommends %1 s</translation>
    </message>
    <message>
        <source>visibility timeout %1 s is less than 6 × the timeout of function &apos;%2&apos; (%3 s)</source>
        <translation>visibility timeout %1 s is less than 6 × the timeout of function &apos;%2&apos; (%3 s)</translation>
    </message>
    <message>
        <source>AWS recommends six times the function timeout, so messages are not redelivered while still being processed</source>
        <translation>AWS recommends six times the function timeout, so messages are not redelivered while still being processed</translation>
    </message>
    <message>
        <source>SQS allows 0 to 43200 seconds (12 hours)</source>
        <translation>SQS allows 0 to 43200 seconds (12 hours)</translation>
    </message>
    <message>
        <source>SQS allows 60 seconds to 1209600 seconds (14 days)</source>
        <translation>SQS allows 60 seconds to 1209600 seconds (14 days)</translation>
    </message>
    <message>
        <source>a function&apos;s dead-letter queue cannot be a FIFO queue</source>
        <translation>a function&apos;s dead-letter queue cannot be a FIFO queue</translation>
    </message>
    <message>
        <source>choose a standard queue</source>
        <translation>choose a standard queue</translation>
    </message>
    <message>
        <source>access key id &apos;%1&apos; is not 16 to 128 letters, digits or &apos;_&apos;</source>
        <translation>access key id &apos;%1&apos; is not 16 to 128 letters, digits or &apos;_&apos;</translation>
    </message>
    <message>
        <source>e.g. &apos;AKIAIOSFODNN7EXAMPLE&apos;</source>
        <translation>e.g. &apos;AKIAIOSFODNN7EXAMPLE&apos;</translation>
    </message>
    <message>
        <source>the secret access key is empty</source>
        <translation>the secret access key is empty</translation>
    </message>
    <message>
        <source>set the secret that clients sign with, or remove &quot;credentials&quot; to accept any signature</source>
        <translation>set the secret that clients sign with, or remove &quot;credentials&quot; to accept any signature</translation>
    </message>
    <message>
        <source>the wait before the first retry of a failed asynchronous event (Lambda: 60 s; the second retry waits twice as long)</source>
        <translation>the wait before the first retry of a failed asynchronous event (Lambda: 60 s; the second retry waits twice as long)</translation>
    </message>
    <message>
        <source>a destination is either a queue or a function, not both</source>
        <translation>a destination is either a queue or a function, not both</translation>
    </message>
    <message>
        <source>keep &quot;queue&quot; or &quot;function&quot;</source>
        <translation>keep &quot;queue&quot; or &quot;function&quot;</translation>
    </message>
    <message>
        <source>a destination cannot be a FIFO queue</source>
        <translation>a destination cannot be a FIFO queue</translation>
    </message>
    <message>
        <source>a function cannot be its own destination</source>
        <translation>a function cannot be its own destination</translation>
    </message>
    <message>
        <source>each record would invoke it again, without end</source>
        <translation>each record would invoke it again, without end</translation>
    </message>
    <message>
        <source>Lambda retries a failed asynchronous event 0, 1 or 2 times</source>
        <translation>Lambda retries a failed asynchronous event 0, 1 or 2 times</translation>
    </message>
    <message>
        <source>60 seconds to 6 hours (21600 seconds)</source>
        <translation>60 seconds to 6 hours (21600 seconds)</translation>
    </message>
    <message>
        <source>delete markers are created only in a bucket with versioning; this event never happens here</source>
        <translation>delete markers are created only in a bucket with versioning; this event never happens here</translation>
    </message>
    <message>
        <source>set &quot;versioning&quot;: true, or subscribe to s3:ObjectRemoved:Delete</source>
        <translation>set &quot;versioning&quot;: true, or subscribe to s3:ObjectRemoved:Delete</translation>
    </message>
</context>
<context>
    <name>gatehouse::WarningsPanel</name>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>No warnings</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>%1
Hint: %2</source>
        <translation>%1
Hint: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::WebSocketSession</name>
    <message>
        <source>route &apos;%1&apos;: HTTP integrations are not supported on WebSocket APIs yet</source>
        <translation>route &apos;%1&apos;: HTTP integrations are not supported on WebSocket APIs yet</translation>
    </message>
    <message>
        <source>route &apos;%1&apos;: function &apos;%2&apos; failed: %3: %4</source>
        <translation>route &apos;%1&apos;: function &apos;%2&apos; failed: %3: %4</translation>
    </message>
    <message>
        <source>route &apos;$disconnect&apos;: function &apos;%1&apos; failed: %2: %3</source>
        <translation>route &apos;$disconnect&apos;: function &apos;%1&apos; failed: %2: %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::Wiring</name>
    <message>
        <source>That part of the project no longer exists.</source>
        <translation>That part of the project no longer exists.</translation>
    </message>
    <message>
        <source>A node cannot be wired to itself.</source>
        <translation>A node cannot be wired to itself.</translation>
    </message>
    <message>
        <source>Already wired: %1 to %2.</source>
        <translation>Already wired: %1 to %2.</translation>
    </message>
    <message>
        <source>Routes belong to their API: drop a route from the palette onto the API to add one.</source>
        <translation>Routes belong to their API: drop a route from the palette onto the API to add one.</translation>
    </message>
    <message>
        <source>A route is wired to the function its integration calls.</source>
        <translation>A route is wired to the function its integration calls.</translation>
    </message>
    <message>
        <source>Only Lambda authorizers call a function; %1 is a %2 authorizer.</source>
        <translation>Only Lambda authorizers call a function; %1 is a %2 authorizer.</translation>
    </message>
    <message>
        <source>An authorizer is wired to the routes it protects (or, for a Lambda authorizer, to its function).</source>
        <translation>An authorizer is wired to the routes it protects (or, for a Lambda authorizer, to its function).</translation>
    </message>
    <message>
        <source>A bucket&apos;s notifications invoke functions: wire it to a function.</source>
        <translation>A bucket&apos;s notifications invoke functions: wire it to a function.</translation>
    </message>
    <message>
        <source>A schedule invokes a function: wire it to a function.</source>
        <translation>A schedule invokes a function: wire it to a function.</translation>
    </message>
    <message>
        <source>A queue is wired to the function that consumes it, or to its dead-letter queue.</source>
        <translation>A queue is wired to the function that consumes it, or to its dead-letter queue.</translation>
    </message>
    <message>
        <source>A function is wired only to a queue, its dead-letter queue. Wire routes, triggers and authorizers from their own nodes to the function.</source>
        <translation>A function is wired only to a queue, its dead-letter queue. Wire routes, triggers and authorizers from their own nodes to the function.</translation>
    </message>
    <message>
        <source>Nothing can be wired from %1.</source>
        <translation>Nothing can be wired from %1.</translation>
    </message>
    <message>
        <source>Not wired: %1.</source>
        <translation>Not wired: %1.</translation>
    </message>
    <message>
        <source>Wire %1 to %2</source>
        <translation>Wire %1 to %2</translation>
    </message>
    <message>
        <source>A route cannot leave its API; delete the route instead.</source>
        <translation>A route cannot leave its API; delete the route instead.</translation>
    </message>
    <message>
        <source>That wire no longer exists.</source>
        <translation>That wire no longer exists.</translation>
    </message>
    <message>
        <source>Unwire %1 from %2</source>
        <translation>Unwire %1 from %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::cli</name>
    <message>
        <source>Usage: gatehouse [PROJECT]          open the studio (GUI) on a project
       gatehouse COMMAND [ARGS...]  run a command without a window

Commands:
</source>
        <translation>Usage: gatehouse [PROJECT]          open the studio (GUI) on a project
       gatehouse COMMAND [ARGS...]  run a command without a window

Commands:
</translation>
    </message>
    <message>
        <source>
Options:
  -h, --help     show this help (COMMAND --help for a command&apos;s options)
  -v, --version  show the version

With no PROJECT the GUI opens a writable copy of the bundled sample project.</source>
        <translation>
Options:
  -h, --help     show this help (COMMAND --help for a command&apos;s options)
  -v, --version  show the version

With no PROJECT the GUI opens a writable copy of the bundled sample project.</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>unknown option &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Check a project and print its problems.</source>
        <translation>Check a project and print its problems.</translation>
    </message>
    <message>
        <source>Project folder or its gatehouse.json.</source>
        <translation>Project folder or its gatehouse.json.</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Output format: text (default) or json.</translation>
    </message>
    <message>
        <source>validate needs exactly one PROJECT argument</source>
        <translation>validate needs exactly one PROJECT argument</translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos; (use text or json)</source>
        <translation>unknown --format &apos;%1&apos; (use text or json)</translation>
    </message>
    <message>
        <source>gatehouse: cannot read %1: no such project</source>
        <translation>gatehouse: cannot read %1: no such project</translation>
    </message>
    <message>
        <source>%1: %2 error(s), %3 warning(s)</source>
        <translation>%1: %2 error(s), %3 warning(s)</translation>
    </message>
    <message>
        <source>%1: OK (%2 functions, %3 APIs, %4 buckets, %5 schedules, %6 queues; %7 warning(s))</source>
        <translation>%1: OK (%2 functions, %3 APIs, %4 buckets, %5 schedules, %6 queues; %7 warning(s))</translation>
    </message>
    <message>
        <source>check a project; exit 0 when clean, 1 with errors, 2 on usage errors</source>
        <translation>check a project; exit 0 when clean, 1 with errors, 2 on usage errors</translation>
    </message>
    <message>
        <source>cannot read the event file %1: %2</source>
        <translation>cannot read the event file %1: %2</translation>
    </message>
    <message>
        <source>the event in %1 is not valid JSON: %2</source>
        <translation>the event in %1 is not valid JSON: %2</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>standard input</translation>
    </message>
    <message>
        <source>Run one function of a project locally, as Lambda would, and print its result on stdout and its logs (START..REPORT) on stderr.</source>
        <translation>Run one function of a project locally, as Lambda would, and print its result on stdout and its logs (START..REPORT) on stderr.</translation>
    </message>
    <message>
        <source>Name of the function to invoke.</source>
        <translation>Name of the function to invoke.</translation>
    </message>
    <message>
        <source>The event: a JSON file, or - for standard input (default {}).</source>
        <translation>The event: a JSON file, or - for standard input (default {}).</translation>
    </message>
    <message>
        <source>invoke needs a PROJECT and a FUNCTION argument</source>
        <translation>invoke needs a PROJECT and a FUNCTION argument</translation>
    </message>
    <message>
        <source>gatehouse: cannot read %1</source>
        <translation>gatehouse: cannot read %1</translation>
    </message>
    <message>
        <source>gatehouse: no function &apos;%1&apos; in %2 (functions: %3)</source>
        <translation>gatehouse: no function &apos;%1&apos; in %2 (functions: %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>run a function locally; payload on stdout, logs on stderr; exit 1 on a function error</source>
        <translation>run a function locally; payload on stdout, logs on stderr; exit 1 on a function error</translation>
    </message>
    <message>
        <source>Export a project as an AWS SAM template, OpenAPI documents, a serverless.yml service or a Postman collection.</source>
        <translation>Export a project as an AWS SAM template, OpenAPI documents, a serverless.yml service or a Postman collection.</translation>
    </message>
    <message>
        <source>sam, openapi, serverless or postman.</source>
        <translation>sam, openapi, serverless or postman.</translation>
    </message>
    <message>
        <source>Output file or folder (a folder: an existing one, or a path ending in &apos;/&apos;). Without it a single-file export is printed on stdout.</source>
        <translation>Output file or folder (a folder: an existing one, or a path ending in &apos;/&apos;). Without it a single-file export is printed on stdout.</translation>
    </message>
    <message>
        <source>Do not copy the functions&apos; code next to the template (SAM, serverless).</source>
        <translation>Do not copy the functions&apos; code next to the template (SAM, serverless).</translation>
    </message>
    <message>
        <source>OpenAPI: write JSON instead of YAML.</source>
        <translation>OpenAPI: write JSON instead of YAML.</translation>
    </message>
    <message>
        <source>serverless: the buckets exist already (s3 events get existing: true).</source>
        <translation>serverless: the buckets exist already (s3 events get existing: true).</translation>
    </message>
    <message>
        <source>Exit with 1 when the format cannot hold everything.</source>
        <translation>Exit with 1 when the format cannot hold everything.</translation>
    </message>
    <message>
        <source>export needs exactly one PROJECT argument</source>
        <translation>export needs exactly one PROJECT argument</translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos; (use sam, openapi, serverless or postman)</source>
        <translation>unknown --format &apos;%1&apos; (use sam, openapi, serverless or postman)</translation>
    </message>
    <message>
        <source>export needs --format sam|openapi|serverless|postman</source>
        <translation>export needs --format sam|openapi|serverless|postman</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; nothing was exported</source>
        <translation>gatehouse: %1 has errors; nothing was exported</translation>
    </message>
    <message>
        <source>gatehouse: export to %1 failed</source>
        <translation>gatehouse: export to %1 failed</translation>
    </message>
    <message>
        <source>this export produces %1 files; give a folder with -o DIR</source>
        <translation>this export produces %1 files; give a folder with -o DIR</translation>
    </message>
    <message>
        <source>exported %1 to %2: %3 file(s) written, %4 unchanged, %5 warning(s)</source>
        <translation>exported %1 to %2: %3 file(s) written, %4 unchanged, %5 warning(s)</translation>
    </message>
    <message>
        <source>write the project for another tool; what the format cannot hold is listed as warnings</source>
        <translation>write the project for another tool; what the format cannot hold is listed as warnings</translation>
    </message>
    <message>
        <source>Create a project from an AWS SAM template, an OpenAPI document or a Postman collection (with environment files).</source>
        <translation>Create a project from an AWS SAM template, an OpenAPI document or a Postman collection (with environment files).</translation>
    </message>
    <message>
        <source>The file to import (Postman: a collection and environments).</source>
        <translation>The file to import (Postman: a collection and environments).</translation>
    </message>
    <message>
        <source>sam, openapi or postman.</source>
        <translation>sam, openapi or postman.</translation>
    </message>
    <message>
        <source>The new project&apos;s folder.</source>
        <translation>The new project&apos;s folder.</translation>
    </message>
    <message>
        <source>The project&apos;s name (default: from the file).</source>
        <translation>The project&apos;s name (default: from the file).</translation>
    </message>
    <message>
        <source>Replace an existing gatehouse.json and code files.</source>
        <translation>Replace an existing gatehouse.json and code files.</translation>
    </message>
    <message>
        <source>import needs a FILE argument</source>
        <translation>import needs a FILE argument</translation>
    </message>
    <message>
        <source>unknown --from &apos;%1&apos; (use sam, openapi or postman)</source>
        <translation>unknown --from &apos;%1&apos; (use sam, openapi or postman)</translation>
    </message>
    <message>
        <source>import needs --from sam|openapi|postman</source>
        <translation>import needs --from sam|openapi|postman</translation>
    </message>
    <message>
        <source>import needs -o PROJECT_DIR</source>
        <translation>import needs -o PROJECT_DIR</translation>
    </message>
    <message>
        <source>gatehouse: %1 already exists; use --force to replace it</source>
        <translation>gatehouse: %1 already exists; use --force to replace it</translation>
    </message>
    <message>
        <source>gatehouse: cannot read %1: %2</source>
        <translation>gatehouse: cannot read %1: %2</translation>
    </message>
    <message>
        <source>gatehouse: nothing was imported (%1 error(s))</source>
        <translation>gatehouse: nothing was imported (%1 error(s))</translation>
    </message>
    <message>
        <source>gatehouse: kept the existing %1 (use --force to replace it)</source>
        <translation>gatehouse: kept the existing %1 (use --force to replace it)</translation>
    </message>
    <message>
        <source>gatehouse: cannot save the project: %1</source>
        <translation>gatehouse: cannot save the project: %1</translation>
    </message>
    <message>
        <source>imported %1 into %2: %3 function(s), %4 API(s) with %5 route(s), %6 bucket(s), %7 queue(s), %8 schedule(s), %9 request(s); %10 code file(s) written; %11 warning(s)</source>
        <translation>imported %1 into %2: %3 function(s), %4 API(s) with %5 route(s), %6 bucket(s), %7 queue(s), %8 schedule(s), %9 request(s); %10 code file(s) written; %11 warning(s)</translation>
    </message>
    <message>
        <source>create a project from another tool&apos;s file; what cannot be imported is listed as warnings</source>
        <translation>create a project from another tool&apos;s file; what cannot be imported is listed as warnings</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1; 0.0.0.0 exposes the APIs to your network).</source>
        <translation>Address to listen on (default 127.0.0.1; 0.0.0.0 exposes the APIs to your network).</translation>
    </message>
    <message>
        <source>First port for APIs without a port of their own; the next APIs and the Invoke API take the following ports (default: free ports).</source>
        <translation>First port for APIs without a port of their own; the next APIs and the Invoke API take the following ports (default: free ports).</translation>
    </message>
    <message>
        <source>Port of the Lambda Invoke API.</source>
        <translation>Port of the Lambda Invoke API.</translation>
    </message>
    <message>
        <source>Print no access or function logs.</source>
        <translation>Print no access or function logs.</translation>
    </message>
    <message>
        <source>Do not reload when the project file changes.</source>
        <translation>Do not reload when the project file changes.</translation>
    </message>
    <message>
        <source>serve needs exactly one PROJECT argument</source>
        <translation>serve needs exactly one PROJECT argument</translation>
    </message>
    <message>
        <source>--host wants an IP address such as 127.0.0.1, not &apos;%1&apos;</source>
        <translation>--host wants an IP address such as 127.0.0.1, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--port wants a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--port wants a number from 0 to 65535, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--invoke-port wants a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--invoke-port wants a number from 0 to 65535, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>gatehouse: stopped</source>
        <translation>gatehouse: stopped</translation>
    </message>
    <message>
        <source>serve the project&apos;s APIs and the Lambda Invoke API locally until Ctrl+C</source>
        <translation>serve the project&apos;s APIs and the Lambda Invoke API locally until Ctrl+C</translation>
    </message>
    <message>
        <source>Serve a project&apos;s HTTP, REST and WebSocket APIs locally as API Gateway would, each on its own port, plus the Lambda Invoke API. Access logs go to stdout, function logs and errors to stderr. Editing the project or a function&apos;s code applies without a restart. Stop with Ctrl+C.</source>
        <translation>Serve a project&apos;s HTTP, REST and WebSocket APIs locally as API Gateway would, each on its own port, plus the Lambda Invoke API. Access logs go to stdout, function logs and errors to stderr. Editing the project or a function&apos;s code applies without a restart. Stop with Ctrl+C.</translation>
    </message>
    <message>
        <source>WebSocket APIs: largest message in KB (default 128; larger closes the connection with code 1009).</source>
        <translation>WebSocket APIs: largest message in KB (default 128; larger closes the connection with code 1009).</translation>
    </message>
    <message>
        <source>WebSocket APIs: largest frame in KB (default 32).</source>
        <translation>WebSocket APIs: largest frame in KB (default 32).</translation>
    </message>
    <message>
        <source>WebSocket APIs: idle timeout in seconds (default 600).</source>
        <translation>WebSocket APIs: idle timeout in seconds (default 600).</translation>
    </message>
    <message>
        <source>WebSocket APIs: longest connection in seconds (default 7200).</source>
        <translation>WebSocket APIs: longest connection in seconds (default 7200).</translation>
    </message>
    <message>
        <source>--%1 wants a positive number, not &apos;%2&apos;</source>
        <translation>--%1 wants a positive number, not &apos;%2&apos;</translation>
    </message>
    <message>
        <source>HTTP API request, payload format 2.0</source>
        <translation>HTTP API request, payload format 2.0</translation>
    </message>
    <message>
        <source>REST API proxy request, payload format 1.0</source>
        <translation>REST API proxy request, payload format 1.0</translation>
    </message>
    <message>
        <source>S3 notification for an uploaded object (ObjectCreated:Put)</source>
        <translation>S3 notification for an uploaded object (ObjectCreated:Put)</translation>
    </message>
    <message>
        <source>S3 notification for a deleted object (ObjectRemoved:Delete)</source>
        <translation>S3 notification for a deleted object (ObjectRemoved:Delete)</translation>
    </message>
    <message>
        <source>EventBridge &quot;Scheduled Event&quot; of a schedule rule</source>
        <translation>EventBridge &quot;Scheduled Event&quot; of a schedule rule</translation>
    </message>
    <message>
        <source>SQS batch with one received message</source>
        <translation>SQS batch with one received message</translation>
    </message>
    <message>
        <source>WebSocket API text message on the $default route</source>
        <translation>WebSocket API text message on the $default route</translation>
    </message>
    <message>
        <source>Types:
</source>
        <translation>Types:
</translation>
    </message>
    <message>
        <source>HTTP method of the request (default GET).</source>
        <translation>HTTP method of the request (default GET).</translation>
    </message>
    <message>
        <source>Request path, with an optional ?query (default /).</source>
        <translation>Request path, with an optional ?query (default /).</translation>
    </message>
    <message>
        <source>Request or message body; for s3 put, the object&apos;s content.</source>
        <translation>Request or message body; for s3 put, the object&apos;s content.</translation>
    </message>
    <message>
        <source>S3 bucket name (default example-bucket).</source>
        <translation>S3 bucket name (default example-bucket).</translation>
    </message>
    <message>
        <source>S3 object key as stored; the event carries it URL-encoded (default test/key).</source>
        <translation>S3 object key as stored; the event carries it URL-encoded (default test/key).</translation>
    </message>
    <message>
        <source>S3 object size in bytes (default: the body&apos;s size).</source>
        <translation>S3 object size in bytes (default: the body&apos;s size).</translation>
    </message>
    <message>
        <source>S3 object ETag (default: the MD5 of the body).</source>
        <translation>S3 object ETag (default: the MD5 of the body).</translation>
    </message>
    <message>
        <source>SQS queue name (default my-queue).</source>
        <translation>SQS queue name (default my-queue).</translation>
    </message>
    <message>
        <source>EventBridge rule name (default my-schedule).</source>
        <translation>EventBridge rule name (default my-schedule).</translation>
    </message>
    <message>
        <source>AWS Region (default: the project&apos;s, else us-east-1).</source>
        <translation>AWS Region (default: the project&apos;s, else us-east-1).</translation>
    </message>
    <message>
        <source>AWS account id (default: the project&apos;s, else 123456789012).</source>
        <translation>AWS account id (default: the project&apos;s, else 123456789012).</translation>
    </message>
    <message>
        <source>Project folder or gatehouse.json whose settings give the Region and account.</source>
        <translation>Project folder or gatehouse.json whose settings give the Region and account.</translation>
    </message>
    <message>
        <source>Event time, ISO 8601 (default: now).</source>
        <translation>Event time, ISO 8601 (default: now).</translation>
    </message>
    <message>
        <source>cannot read %1: no such project</source>
        <translation>cannot read %1: no such project</translation>
    </message>
    <message>
        <source>--size needs a number of bytes, not &apos;%1&apos;</source>
        <translation>--size needs a number of bytes, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--time needs an ISO 8601 time such as 2024-05-01T12:00:00Z, not &apos;%1&apos;</source>
        <translation>--time needs an ISO 8601 time such as 2024-05-01T12:00:00Z, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Print the event AWS would send a function, as pretty JSON on stdout (like &apos;sam local generate-event&apos;). TYPE --help lists a type&apos;s options.

</source>
        <translation>Print the event AWS would send a function, as pretty JSON on stdout (like &apos;sam local generate-event&apos;). TYPE --help lists a type&apos;s options.

</translation>
    </message>
    <message>
        <source>apigateway, s3, schedule, sqs or websocket.</source>
        <translation>apigateway, s3, schedule, sqs or websocket.</translation>
    </message>
    <message>
        <source>http|rest, put|delete, message.</source>
        <translation>http|rest, put|delete, message.</translation>
    </message>
    <message>
        <source>generate-event needs a TYPE</source>
        <translation>generate-event needs a TYPE</translation>
    </message>
    <message>
        <source>unknown event type &apos;%1&apos;</source>
        <translation>unknown event type &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no subtype</source>
        <translation>&apos;%1&apos; takes no subtype</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a subtype: %2</source>
        <translation>&apos;%1&apos; needs a subtype: %2</translation>
    </message>
    <message>
        <source>unknown subtype &apos;%1&apos; of &apos;%2&apos; (use %3)</source>
        <translation>unknown subtype &apos;%1&apos; of &apos;%2&apos; (use %3)</translation>
    </message>
    <message>
        <source>print an AWS event (apigateway http|rest, s3 put|delete, schedule, sqs, websocket message)</source>
        <translation>print an AWS event (apigateway http|rest, s3 put|delete, schedule, sqs, websocket message)</translation>
    </message>
    <message>
        <source>Run a project&apos;s saved requests and their assertions against the project itself: its APIs are started locally on free ports, as `serve` would, and stopped afterwards. Prints one line per request and a summary; exits with 1 if any request fails. In URLs, headers and bodies, {{NAME}} takes the environment&apos;s variables and, for each HTTP or REST API, its local base URL as {{api-name}}, {{apiName}} and (the first API) {{baseUrl}}; these win over the environment.</source>
        <translation>Run a project&apos;s saved requests and their assertions against the project itself: its APIs are started locally on free ports, as `serve` would, and stopped afterwards. Prints one line per request and a summary; exits with 1 if any request fails. In URLs, headers and bodies, {{NAME}} takes the environment&apos;s variables and, for each HTTP or REST API, its local base URL as {{api-name}}, {{apiName}} and (the first API) {{baseUrl}}; these win over the environment.</translation>
    </message>
    <message>
        <source>The environment (variable set) to use (default: the first).</source>
        <translation>The environment (variable set) to use (default: the first).</translation>
    </message>
    <message>
        <source>Run only the requests whose name is or starts with this (repeatable).</source>
        <translation>Run only the requests whose name is or starts with this (repeatable).</translation>
    </message>
    <message>
        <source>Longest wait for each response in milliseconds (default 30000).</source>
        <translation>Longest wait for each response in milliseconds (default 30000).</translation>
    </message>
    <message>
        <source>Print the results as JSON.</source>
        <translation>Print the results as JSON.</translation>
    </message>
    <message>
        <source>test needs exactly one PROJECT argument</source>
        <translation>test needs exactly one PROJECT argument</translation>
    </message>
    <message>
        <source>--timeout wants a positive number of milliseconds, not &apos;%1&apos;</source>
        <translation>--timeout wants a positive number of milliseconds, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; fix them before testing</source>
        <translation>gatehouse: %1 has errors; fix them before testing</translation>
    </message>
    <message>
        <source>gatehouse: no environment &apos;%1&apos; in %2 (environments: %3)</source>
        <translation>gatehouse: no environment &apos;%1&apos; in %2 (environments: %3)</translation>
    </message>
    <message>
        <source>gatehouse: %1 has no saved requests</source>
        <translation>gatehouse: %1 has no saved requests</translation>
    </message>
    <message>
        <source>gatehouse: no saved request matches %1 (requests: %2)</source>
        <translation>gatehouse: no saved request matches %1 (requests: %2)</translation>
    </message>
    <message>
        <source>gatehouse: note: %1</source>
        <translation>gatehouse: note: %1</translation>
    </message>
    <message>
        <source>gatehouse: %1</source>
        <translation>gatehouse: %1</translation>
    </message>
    <message>
        <source>run the saved requests&apos; assertions against the project served locally; exit 1 on a failure</source>
        <translation>run the saved requests&apos; assertions against the project served locally; exit 1 on a failure</translation>
    </message>
    <message>
        <source>PASS  %1  (%2, %3 ms)</source>
        <translation>PASS  %1  (%2, %3 ms)</translation>
    </message>
    <message>
        <source>FAIL  %1: %2</source>
        <translation>FAIL  %1: %2</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>%1 passed, %2 failed</translation>
    </message>
    <message>
        <source>Load-test one of a project&apos;s saved requests against the project itself: its APIs are started locally on free ports, as `test` does, and the request is sent from N kept-alive connections for a duration or a number of requests. Prints latency percentiles, requests per second, status codes, errors, and what a month at the measured rate would cost on AWS. Exits with 1 if any request got no response or a 5xx.</source>
        <translation>Load-test one of a project&apos;s saved requests against the project itself: its APIs are started locally on free ports, as `test` does, and the request is sent from N kept-alive connections for a duration or a number of requests. Prints latency percentiles, requests per second, status codes, errors, and what a month at the measured rate would cost on AWS. Exits with 1 if any request got no response or a 5xx.</translation>
    </message>
    <message>
        <source>The saved request to send (its name or a unique prefix).</source>
        <translation>The saved request to send (its name or a unique prefix).</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 10).</source>
        <translation>Requests in flight at once (default 10).</translation>
    </message>
    <message>
        <source>Send for this many seconds (default 10).</source>
        <translation>Send for this many seconds (default 10).</translation>
    </message>
    <message>
        <source>Send exactly this many requests instead.</source>
        <translation>Send exactly this many requests instead.</translation>
    </message>
    <message>
        <source>load needs exactly one PROJECT argument</source>
        <translation>load needs exactly one PROJECT argument</translation>
    </message>
    <message>
        <source>load needs --request NAME</source>
        <translation>load needs --request NAME</translation>
    </message>
    <message>
        <source>give --duration or --count, not both</source>
        <translation>give --duration or --count, not both</translation>
    </message>
    <message>
        <source>--concurrency wants a number from 1 to %1, not &apos;%2&apos;</source>
        <translation>--concurrency wants a number from 1 to %1, not &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--duration wants a positive number of seconds, not &apos;%1&apos;</source>
        <translation>--duration wants a positive number of seconds, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--count wants a positive number, not &apos;%1&apos;</source>
        <translation>--count wants a positive number, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; fix them before load-testing</source>
        <translation>gatehouse: %1 has errors; fix them before load-testing</translation>
    </message>
    <message>
        <source>gatehouse: no saved request &apos;%1&apos; in %2 (requests: %3)</source>
        <translation>gatehouse: no saved request &apos;%1&apos; in %2 (requests: %3)</translation>
    </message>
    <message>
        <source>gatehouse: no value for {{%1}} in &apos;%2&apos;</source>
        <translation>gatehouse: no value for {{%1}} in &apos;%2&apos;</translation>
    </message>
    <message>
        <source>load-test a saved request against the project served locally: latency, throughput, cost</source>
        <translation>load-test a saved request against the project served locally: latency, throughput, cost</translation>
    </message>
    <message>
        <source>Load test: %1 (%2 %3)</source>
        <translation>Load test: %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Requests:     %1 completed of %2 sent in %3 s with %4 connections%5</source>
        <translation>Requests:     %1 completed of %2 sent in %3 s with %4 connections%5</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <source>Throughput:   %1 requests/s</source>
        <translation>Throughput:   %1 requests/s</translation>
    </message>
    <message>
        <source>Status codes: %1</source>
        <translation>Status codes: %1</translation>
    </message>
    <message>
        <source>Errors:       %1</source>
        <translation>Errors:       %1</translation>
    </message>
    <message>
        <source>%1 (first: %2)</source>
        <translation>%1 (first: %2)</translation>
    </message>
    <message>
        <source>Latency (ms): p50 %1  p90 %2  p95 %3  p99 %4  max %5  mean %6</source>
        <translation>Latency (ms): p50 %1  p90 %2  p95 %3  p99 %4  max %5  mean %6</translation>
    </message>
    <message>
        <source>Transfer:     %1 sent, %2 received</source>
        <translation>Transfer:     %1 sent, %2 received</translation>
    </message>
    <message>
        <source>Route:        %1</source>
        <translation>Route:        %1</translation>
    </message>
    <message>
        <source>none matched</source>
        <translation>none matched</translation>
    </message>
    <message>
        <source>Functions:    %1</source>
        <translation>Functions:    %1</translation>
    </message>
    <message>
        <source>none invoked</source>
        <translation>none invoked</translation>
    </message>
    <message>
        <source>Projected:    %1 a month at %2 requests/s (%3; list prices, no free tier)</source>
        <translation>Projected:    %1 a month at %2 requests/s (%3; list prices, no free tier)</translation>
    </message>
    <message>
        <source>nothing billable</source>
        <translation>nothing billable</translation>
    </message>
    <message>
        <source>Write the endpoint URLs as JSON to this file once everything listens (removed again on stop; default PROJECT/.gatehouse/endpoints.json, where send-message looks).</source>
        <translation>Write the endpoint URLs as JSON to this file once everything listens (removed again on stop; default PROJECT/.gatehouse/endpoints.json, where send-message looks).</translation>
    </message>
    <message>
        <source>--attribute %1: expected Name=Type:Value, e.g. priority=Number:3</source>
        <translation>--attribute %1: expected Name=Type:Value, e.g. priority=Number:3</translation>
    </message>
    <message>
        <source>--attribute %1: a Binary value is given as base64</source>
        <translation>--attribute %1: a Binary value is given as base64</translation>
    </message>
    <message>
        <source>--attribute %1: the attribute is given twice</source>
        <translation>--attribute %1: the attribute is given twice</translation>
    </message>
    <message>
        <source>no gatehouse serve is running with the endpoints file %1 (%2); serve writes it when it starts and removes it when it stops</source>
        <translation>no gatehouse serve is running with the endpoints file %1 (%2); serve writes it when it starts and removes it when it stops</translation>
    </message>
    <message>
        <source>the endpoints file %1 names no SQS endpoint</source>
        <translation>the endpoints file %1 names no SQS endpoint</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Send a message to a queue of a running `gatehouse serve` and print its MessageId. A function triggered by the queue receives it in its SQS event.</source>
        <translation>Send a message to a queue of a running `gatehouse serve` and print its MessageId. A function triggered by the queue receives it in its SQS event.</translation>
    </message>
    <message>
        <source>Name of the queue.</source>
        <translation>Name of the queue.</translation>
    </message>
    <message>
        <source>The message body.</source>
        <translation>The message body.</translation>
    </message>
    <message>
        <source>Seconds before the message can be received (0-900).</source>
        <translation>Seconds before the message can be received (0-900).</translation>
    </message>
    <message>
        <source>A message attribute, Name=Type:Value with Type String, Number or Binary (base64 value); repeatable.</source>
        <translation>A message attribute, Name=Type:Value with Type String, Number or Binary (base64 value); repeatable.</translation>
    </message>
    <message>
        <source>The SQS endpoint URL of the running serve.</source>
        <translation>The SQS endpoint URL of the running serve.</translation>
    </message>
    <message>
        <source>The file given to `gatehouse serve --endpoints-file` (default: PROJECT/.gatehouse/endpoints.json).</source>
        <translation>The file given to `gatehouse serve --endpoints-file` (default: PROJECT/.gatehouse/endpoints.json).</translation>
    </message>
    <message>
        <source>send-message needs PROJECT, QUEUE and BODY arguments</source>
        <translation>send-message needs PROJECT, QUEUE and BODY arguments</translation>
    </message>
    <message>
        <source>--delay takes 0 to 900 seconds</source>
        <translation>--delay takes 0 to 900 seconds</translation>
    </message>
    <message>
        <source>gatehouse: no gatehouse serve answers at %1: %2</source>
        <translation>gatehouse: no gatehouse serve answers at %1: %2</translation>
    </message>
    <message>
        <source>gatehouse: the running serve has no queue &apos;%1&apos;: %2</source>
        <translation>gatehouse: the running serve has no queue &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>gatehouse: SendMessage failed: %1</source>
        <translation>gatehouse: SendMessage failed: %1</translation>
    </message>
    <message>
        <source>send a message to a queue of a running gatehouse serve; prints the MessageId</source>
        <translation>send a message to a queue of a running gatehouse serve; prints the MessageId</translation>
    </message>
</context>
<context>
    <name>gatehouse::cli::ServeSession</name>
    <message>
        <source>gatehouse: cannot read %1: no such project</source>
        <translation>gatehouse: cannot read %1: no such project</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; fix them before serving</source>
        <translation>gatehouse: %1 has errors; fix them before serving</translation>
    </message>
    <message>
        <source>gatehouse: note: %1</source>
        <translation>gatehouse: note: %1</translation>
    </message>
    <message>
        <source>gatehouse: %1</source>
        <translation>gatehouse: %1</translation>
    </message>
    <message>
        <source>gatehouse: cannot write the endpoints file %1: %2</source>
        <translation>gatehouse: cannot write the endpoints file %1: %2</translation>
    </message>
    <message>
        <source>gatehouse: %1 changed but has errors; still serving the previous version</source>
        <translation>gatehouse: %1 changed but has errors; still serving the previous version</translation>
    </message>
    <message>
        <source>gatehouse: reloaded %1</source>
        <translation>gatehouse: reloaded %1</translation>
    </message>
    <message>
        <source>gatehouse: cannot write the endpoints file: %1</source>
        <translation>gatehouse: cannot write the endpoints file: %1</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>Serving %1</translation>
    </message>
    <message>
        <source>  %1 &apos;%2&apos;, stage %3: %4</source>
        <translation>  %1 &apos;%2&apos;, stage %3: %4</translation>
    </message>
    <message>
        <source>    @connections callback URL: %1</source>
        <translation>    @connections callback URL: %1</translation>
    </message>
    <message>
        <source>  Lambda Invoke API: %1 (aws lambda invoke --endpoint-url %1 ...)</source>
        <translation>  Lambda Invoke API: %1 (aws lambda invoke --endpoint-url %1 ...)</translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation>Press Ctrl+C to stop.</translation>
    </message>
    <message>
        <source>  Metrics (Prometheus): %1</source>
        <translation>  Metrics (Prometheus): %1</translation>
    </message>
    <message>
        <source>  S3 (buckets): %1 (aws s3 ls --endpoint-url %1 ...)</source>
        <translation>  S3 (buckets): %1 (aws s3 ls --endpoint-url %1 ...)</translation>
    </message>
    <message>
        <source>  SQS: %1 (aws sqs --endpoint-url %1 ...; functions get AWS_ENDPOINT_URL_SQS)</source>
        <translation>  SQS: %1 (aws sqs --endpoint-url %1 ...; functions get AWS_ENDPOINT_URL_SQS)</translation>
    </message>
</context>
<context>
    <name>gatehouse::codefiles</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>cannot create the folder %1</translation>
    </message>
    <message>
        <source>cannot make it executable</source>
        <translation>cannot make it executable</translation>
    </message>
    <message>
        <source>Gatehouse has no template for the handler &quot;%1&quot; of function %2: the part after the file name must be a name the code can define.</source>
        <translation>Gatehouse has no template for the handler &quot;%1&quot; of function %2: the part after the file name must be a name the code can define.</translation>
    </message>
</context>
<context>
    <name>gatehouse::runtimelaunch</name>
    <message>
        <source>%1 is set to &apos;%2&apos;, which is not an executable file (runtime &apos;%3&apos;)</source>
        <translation>%1 is set to &apos;%2&apos;, which is not an executable file (runtime &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>runtime &apos;%1&apos; needs %2, which was not found (looked on %3): install it or set %4 to the interpreter&apos;s path</source>
        <translation>runtime &apos;%1&apos; needs %2, which was not found (looked on %3): install it or set %4 to the interpreter&apos;s path</translation>
    </message>
    <message>
        <source>runtime &apos;%1&apos; does not run as a process</source>
        <translation>runtime &apos;%1&apos; does not run as a process</translation>
    </message>
</context>
<context>
    <name>gatehouse::s3</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::s3::BucketStore</name>
    <message>
        <source>&apos;%1&apos; is not a valid bucket name</source>
        <translation>&apos;%1&apos; is not a valid bucket name</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>cannot read %1</translation>
    </message>
    <message>
        <source>the object &apos;%1&apos; kept changing while it was read</source>
        <translation>the object &apos;%1&apos; kept changing while it was read</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>cannot remove %1</translation>
    </message>
    <message>
        <source>part %1 was not uploaded</source>
        <translation>part %1 was not uploaded</translation>
    </message>
    <message>
        <source>part %1&apos;s ETag does not match</source>
        <translation>part %1&apos;s ETag does not match</translation>
    </message>
    <message>
        <source>part %1 is smaller than 5 MiB</source>
        <translation>part %1 is smaller than 5 MiB</translation>
    </message>
    <message>
        <source>read failed</source>
        <translation>read failed</translation>
    </message>
    <message>
        <source>cannot read the content: %1</source>
        <translation>cannot read the content: %1</translation>
    </message>
    <message>
        <source>cannot move %1 into %2</source>
        <translation>cannot move %1 into %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::s3::MultipartFormParser</name>
    <message>
        <source>the body is empty</source>
        <translation>the body is empty</translation>
    </message>
    <message>
        <source>the body does not contain the boundary</source>
        <translation>the body does not contain the boundary</translation>
    </message>
    <message>
        <source>the body ends before the closing boundary</source>
        <translation>the body ends before the closing boundary</translation>
    </message>
    <message>
        <source>a part header has no name: %1</source>
        <translation>a part header has no name: %1</translation>
    </message>
    <message>
        <source>a part has no &quot;Content-Disposition: form-data&quot; header</source>
        <translation>a part has no &quot;Content-Disposition: form-data&quot; header</translation>
    </message>
    <message>
        <source>a part&apos;s Content-Disposition has no name</source>
        <translation>a part&apos;s Content-Disposition has no name</translation>
    </message>
    <message>
        <source>a part&apos;s headers are too long</source>
        <translation>a part&apos;s headers are too long</translation>
    </message>
    <message>
        <source>too much white space after a boundary</source>
        <translation>too much white space after a boundary</translation>
    </message>
</context>
<context>
    <name>gatehouse::sqs::LocalQueues</name>
    <message>
        <source>Queue %1 is a FIFO queue: it runs as a standard queue locally (no ordering by message group, no deduplication)</source>
        <translation>Queue %1 is a FIFO queue: it runs as a standard queue locally (no ordering by message group, no deduplication)</translation>
    </message>
    <message>
        <source>Asynchronous event sent to the dead-letter queue %1</source>
        <translation>Asynchronous event sent to the dead-letter queue %1</translation>
    </message>
    <message>
        <source>The dead-letter queue %1 does not exist; the event is lost</source>
        <translation>The dead-letter queue %1 does not exist; the event is lost</translation>
    </message>
</context>
<context>
    <name>gatehouse::sqs::QueueTriggerPoller</name>
    <message>
        <source>SQS queue %1: batch of %2 message(s) sent to function %3</source>
        <translation>SQS queue %1: batch of %2 message(s) sent to function %3</translation>
    </message>
    <message>
        <source>function error %1 (%2); the batch becomes visible again after the visibility timeout</source>
        <translation>function error %1 (%2); the batch becomes visible again after the visibility timeout</translation>
    </message>
    <message>
        <source>succeeded; every message deleted</source>
        <translation>succeeded; every message deleted</translation>
    </message>
    <message>
        <source>partial batch response: %1 failed item(s) stay for a retry: %2</source>
        <translation>partial batch response: %1 failed item(s) stay for a retry: %2</translation>
    </message>
    <message>
        <source>invalid partial batch response; the whole batch is retried</source>
        <translation>invalid partial batch response; the whole batch is retried</translation>
    </message>
    <message>
        <source>SQS queue %1: %2</source>
        <translation>SQS queue %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing</name>
    <message>
        <source>unsupported assertion (%1 %2)</source>
        <translation>unsupported assertion (%1 %2)</translation>
    </message>
    <message>
        <source>the expected value %1 is not a number</source>
        <translation>the expected value %1 is not a number</translation>
    </message>
    <message>
        <source>got %1</source>
        <translation>got %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>expected %1, %2</source>
        <translation>expected %1, %2</translation>
    </message>
    <message>
        <source>expected to contain %1, %2</source>
        <translation>expected to contain %1, %2</translation>
    </message>
    <message>
        <source>invalid regular expression /%1/: %2</source>
        <translation>invalid regular expression /%1/: %2</translation>
    </message>
    <message>
        <source>expected to match /%1/, %2</source>
        <translation>expected to match /%1/, %2</translation>
    </message>
    <message>
        <source>expected below %1, %2</source>
        <translation>expected below %1, %2</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>expected %1, got %2</translation>
    </message>
    <message>
        <source>expected below %1, got %2</source>
        <translation>expected below %1, got %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>expected below %1 ms, got %2</source>
        <translation>expected below %1 ms, got %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>a body that is not JSON</source>
        <translation>a body that is not JSON</translation>
    </message>
    <message>
        <source>unbalanced %1 quote: the %1 at character %2 is never closed</source>
        <translation>unbalanced %1 quote: the %1 at character %2 is never closed</translation>
    </message>
    <message>
        <source>single</source>
        <translation>single</translation>
    </message>
    <message>
        <source>double</source>
        <translation>double</translation>
    </message>
    <message>
        <source>unbalanced double quote: a quoted string is never closed</source>
        <translation>unbalanced double quote: a quoted string is never closed</translation>
    </message>
    <message>
        <source>nothing to import: paste a curl command</source>
        <translation>nothing to import: paste a curl command</translation>
    </message>
    <message>
        <source>%1 (a separate shell command)</source>
        <translation>%1 (a separate shell command)</translation>
    </message>
    <message>
        <source>not a curl command: it starts with &apos;%1&apos;</source>
        <translation>not a curl command: it starts with &apos;%1&apos;</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>option %1 needs a value</translation>
    </message>
    <message>
        <source>%1 (unknown option)</source>
        <translation>%1 (unknown option)</translation>
    </message>
    <message>
        <source>create local test keys for this authorizer (Gatehouse keeps the private key in the project&apos;s .gatehouse/keys folder)</source>
        <translation>create local test keys for this authorizer (Gatehouse keeps the private key in the project&apos;s .gatehouse/keys folder)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a JWT authorizer: only JWT authorizers take tokens</source>
        <translation>&apos;%1&apos; is not a JWT authorizer: only JWT authorizers take tokens</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos; names no key set (jwksUri): %2</source>
        <translation>JWT authorizer &apos;%1&apos; names no key set (jwksUri): %2</translation>
    </message>
    <message>
        <source>the keys of JWT authorizer &apos;%1&apos; are at %2, whose private keys only the identity provider has: %3</source>
        <translation>the keys of JWT authorizer &apos;%1&apos; are at %2, whose private keys only the identity provider has: %3</translation>
    </message>
    <message>
        <source>cannot read the key set %1: %2</source>
        <translation>cannot read the key set %1: %2</translation>
    </message>
    <message>
        <source>the key set %1 holds no usable key (%2): %3</source>
        <translation>the key set %1 holds no usable key (%2): %3</translation>
    </message>
    <message>
        <source>(no kid)</source>
        <translation>(no kid)</translation>
    </message>
    <message>
        <source>%1 is not an unencrypted PEM private key</source>
        <translation>%1 is not an unencrypted PEM private key</translation>
    </message>
    <message>
        <source>the private key %1 does not belong to key &apos;%2&apos; of %3</source>
        <translation>the private key %1 does not belong to key &apos;%2&apos; of %3</translation>
    </message>
    <message>
        <source>OpenSSL could not sign with %1</source>
        <translation>OpenSSL could not sign with %1</translation>
    </message>
    <message>
        <source>no private key for the RSA keys of %1 (%2) in .gatehouse/keys: %3</source>
        <translation>no private key for the RSA keys of %1 (%2) in .gatehouse/keys: %3</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>save the project first: test keys are kept in its folder</source>
        <translation>save the project first: test keys are kept in its folder</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 exists but is not a key set (a JSON object with a &quot;keys&quot; array): move it away or fix it first</source>
        <translation>%1 exists but is not a key set (a JSON object with a &quot;keys&quot; array): move it away or fix it first</translation>
    </message>
    <message>
        <source>OpenSSL could not generate an RSA key</source>
        <translation>OpenSSL could not generate an RSA key</translation>
    </message>
    <message>
        <source>OpenSSL could not export the RSA key</source>
        <translation>OpenSSL could not export the RSA key</translation>
    </message>
    <message>
        <source>cannot create the folders for the keys in %1</source>
        <translation>cannot create the folders for the keys in %1</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>connection failed</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connection closed</translation>
    </message>
    <message>
        <source>malformed response</source>
        <translation>malformed response</translation>
    </message>
    <message>
        <source>not a URL: %1</source>
        <translation>not a URL: %1</translation>
    </message>
    <message>
        <source>a load test sends http:// requests only, not %1</source>
        <translation>a load test sends http:// requests only, not %1</translation>
    </message>
    <message>
        <source>concurrency must be between 1 and %1</source>
        <translation>concurrency must be between 1 and %1</translation>
    </message>
    <message>
        <source>set either a duration or a number of requests</source>
        <translation>set either a duration or a number of requests</translation>
    </message>
    <message>
        <source>duration and count cannot be negative</source>
        <translation>duration and count cannot be negative</translation>
    </message>
    <message>
        <source>the request timeout must be positive</source>
        <translation>the request timeout must be positive</translation>
    </message>
    <message>
        <source>not an HTTP method: %1</source>
        <translation>not an HTTP method: %1</translation>
    </message>
    <message>
        <source>not a valid header: %1</source>
        <translation>not a valid header: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::CollectionRunner</name>
    <message>
        <source>no response: %1</source>
        <translation>no response: %1</translation>
    </message>
    <message>
        <source>no value for %1</source>
        <translation>no value for %1</translation>
    </message>
    <message>
        <source>not a URL: %1</source>
        <translation>not a URL: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::CurlParser</name>
    <message>
        <source>%1 %2 reads the request body from a file, which an import cannot do: paste the file&apos;s content with --data-raw instead</source>
        <translation>%1 %2 reads the request body from a file, which an import cannot do: paste the file&apos;s content with --data-raw instead</translation>
    </message>
    <message>
        <source>%1 %2 (a cookie file)</source>
        <translation>%1 %2 (a cookie file)</translation>
    </message>
    <message>
        <source>%1 is not supported: it sends files, which an import cannot read</source>
        <translation>%1 is not supported: it sends files, which an import cannot read</translation>
    </message>
    <message>
        <source>the curl command has no URL</source>
        <translation>the curl command has no URL</translation>
    </message>
    <message>
        <source>%1 (only the first URL is imported)</source>
        <translation>%1 (only the first URL is imported)</translation>
    </message>
    <message>
        <source>-u %1 without a password: curl would ask for one, an empty password is used</source>
        <translation>-u %1 without a password: curl would ask for one, an empty password is used</translation>
    </message>
    <message>
        <source>-H %1 reads headers from a file, which an import cannot do</source>
        <translation>-H %1 reads headers from a file, which an import cannot do</translation>
    </message>
    <message>
        <source>-H %1 (not a &quot;Name: value&quot; header)</source>
        <translation>-H %1 (not a &quot;Name: value&quot; header)</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::LoadConnection</name>
    <message>
        <source>the server sent more than one response to one request</source>
        <translation>the server sent more than one response to one request</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::LoadRun</name>
    <message>
        <source>no complete response within %1 ms</source>
        <translation>no complete response within %1 ms</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::LoadTest</name>
    <message>
        <source>a load test is already running</source>
        <translation>a load test is already running</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::RequestSender</name>
    <message>
        <source>no response within %1 ms</source>
        <translation>no response within %1 ms</translation>
    </message>
</context>
</TS>
