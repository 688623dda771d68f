<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>cli</name>
    <message>
        <source>Try &apos;gatehouse --help&apos;.</source>
        <translation>&apos;gatehouse --help&apos;를 실행해 보세요.</translation>
    </message>
</context>
<context>
    <name>gatehouse</name>
    <message>
        <source>#private class members</source>
        <translation>#private 클래스 멤버</translation>
    </message>
    <message>
        <source>class fields</source>
        <translation>클래스 필드</translation>
    </message>
    <message>
        <source>async functions (async/await)</source>
        <translation>비동기 함수(async/await)</translation>
    </message>
    <message>
        <source>top-level await</source>
        <translation>최상위 await</translation>
    </message>
    <message>
        <source>optional catch binding (catch {})</source>
        <translation>선택적 catch 바인딩(catch {})</translation>
    </message>
    <message>
        <source>dynamic import()</source>
        <translation>동적 import()</translation>
    </message>
    <message>
        <source>numeric separators (1_000)</source>
        <translation>숫자 구분자(1_000)</translation>
    </message>
    <message>
        <source>BigInt literals (10n)</source>
        <translation>BigInt 리터럴(10n)</translation>
    </message>
    <message>
        <source>the regular expression s (dotAll) flag</source>
        <translation>정규식 s(dotAll) 플래그</translation>
    </message>
    <message>
        <source>logical assignment (??=, ||=, &amp;&amp;=)</source>
        <translation>논리 할당(??=, ||=, &amp;&amp;=)</translation>
    </message>
    <message>
        <source>object spread/rest ({...o})</source>
        <translation>객체 전개/나머지({...o})</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (%2번째 줄)</translation>
    </message>
    <message>
        <source>The embedded javascript runtime (QJSEngine, about ES2016) does not support %1. Switch the function to the nodejs20.x runtime, or compile the code to ES2016 (esbuild --target=es2016).</source>
        <translation>내장 javascript 런타임(QJSEngine, 약 ES2016)은 %1을(를) 지원하지 않습니다. 함수를 nodejs20.x 런타임으로 바꾸거나 코드를 ES2016으로 컴파일하세요(esbuild --target=es2016).</translation>
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
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The object no longer exists.</source>
        <translation>객체가 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>The object changed while it was downloaded; try again.</source>
        <translation>다운로드하는 동안 객체가 변경되었습니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>gatehouse::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;Gatehouse %1&lt;/h2&gt;&lt;p&gt;Design, run and test serverless APIs on your own machine.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later). See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;gnu.org/licenses/gpl-3.0&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Gatehouse %1&lt;/h2&gt;&lt;p&gt;서버리스 API를 내 컴퓨터에서 설계하고, 실행하고, 테스트합니다.&lt;/p&gt;&lt;p&gt;Qt %2(으)로 빌드되었으며 Qt %3에서 실행 중입니다.&lt;/p&gt;&lt;p&gt;GNU 일반 공중 사용 허가서 버전 3 이상(GPL-3.0-or-later)에 따라 배포됩니다. 자세한 내용은 &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;gnu.org/licenses/gpl-3.0&lt;/a&gt;을 참고하세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Gatehouse 정보</translation>
    </message>
</context>
<context>
    <name>gatehouse::AddFunctionCommand</name>
    <message>
        <source>Add function “%1”</source>
        <translation>함수 “%1” 추가</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApiForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>로컬 포트</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>The port the API listens on while running locally; Automatic picks a free one.</source>
        <translation>로컬에서 실행할 때 API가 수신 대기하는 포트입니다. 자동이면 빈 포트를 고릅니다.</translation>
    </message>
    <message>
        <source>Route selection</source>
        <translation>라우트 선택</translation>
    </message>
    <message>
        <source>Binary media types</source>
        <translation>바이너리 미디어 유형</translation>
    </message>
    <message>
        <source>e.g. image/png, application/octet-stream</source>
        <translation>예: image/png, application/octet-stream</translation>
    </message>
    <message>
        <source>Default route throttling</source>
        <translation>기본 라우트 제한</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>허용 오리진</translation>
    </message>
    <message>
        <source>https://example.com, or *</source>
        <translation>https://example.com 또는 *</translation>
    </message>
    <message>
        <source>Allowed methods</source>
        <translation>허용 메서드</translation>
    </message>
    <message>
        <source>GET, POST, or *</source>
        <translation>GET, POST 또는 *</translation>
    </message>
    <message>
        <source>Allowed headers</source>
        <translation>허용 헤더</translation>
    </message>
    <message>
        <source>content-type, authorization</source>
        <translation>content-type, authorization</translation>
    </message>
    <message>
        <source>Exposed headers</source>
        <translation>노출 헤더</translation>
    </message>
    <message>
        <source>Max age</source>
        <translation>최대 수명</translation>
    </message>
    <message>
        <source>Cache for</source>
        <translation>캐시 유지</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Allow credentials (cookies, authorization headers)</source>
        <translation>자격 증명 허용 (쿠키, 인증 헤더)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApiSnapshot</name>
    <message>
        <source>JWT authorizer &apos;%1&apos; names no JWKS: every token is refused</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;에 JWKS가 지정되지 않았습니다: 모든 토큰을 거부합니다</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: the key set at %2 could not be fetched</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;: %2의 키 세트를 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: cannot read %2: %3</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;: %2을(를) 읽을 수 없습니다: %3</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: %2</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::AppStartup</name>
    <message>
        <source>Cannot Copy Sample</source>
        <translation>샘플을 복사할 수 없음</translation>
    </message>
    <message>
        <source>The sample project could not be copied to %1:

%2</source>
        <translation>샘플 프로젝트를 %1에 복사하지 못했습니다:

%2</translation>
    </message>
</context>
<context>
    <name>gatehouse::AssertionEditor</name>
    <message>
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Header or JSON path</source>
        <translation>헤더 또는 JSON 경로</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>연산자</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>예상 값</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Add Check</source>
        <translation>검사 추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>✓ pass: %1</source>
        <translation>✓ 통과: %1</translation>
    </message>
    <message>
        <source>✗ fail: %1</source>
        <translation>✗ 실패: %1</translation>
    </message>
    <message>
        <source>%1/%2 passed</source>
        <translation>%1/%2 통과</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>검사 안 함</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>검사 안 함: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::AsyncDestinations</name>
    <message>
        <source>Invocation record (%1) sent to queue %2</source>
        <translation>호출 기록(%1)을 대기열 %2(으)로 보냈습니다</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>대기열 %1</translation>
    </message>
    <message>
        <source>the destination queue %1 does not exist</source>
        <translation>대상 대기열 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>Invocation record (%1) not delivered: %2</source>
        <translation>호출 기록(%1)을 전달하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>function %1 refused it: %2 %3</source>
        <translation>함수 %1이(가) 거부했습니다: %2 %3</translation>
    </message>
    <message>
        <source>Invocation record (%1) sent to function %2 (request %3)</source>
        <translation>호출 기록(%1)을 함수 %2(으)로 보냈습니다(요청 %3)</translation>
    </message>
    <message>
        <source>function %1</source>
        <translation>함수 %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::AuthEditor</name>
    <message>
        <source>Make Test Token…</source>
        <translation>테스트 토큰 만들기…</translation>
    </message>
    <message>
        <source>No auth</source>
        <translation>인증 없음</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 토큰</translation>
    </message>
    <message>
        <source>Basic auth</source>
        <translation>Basic 인증</translation>
    </message>
    <message>
        <source>token or {{variable}}</source>
        <translation>토큰 또는 {{variable}}</translation>
    </message>
    <message>
        <source>The request is sent without credentials.</source>
        <translation>자격 증명 없이 요청을 보냅니다.</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>헤더:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>값:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>토큰:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>사용자:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>암호:</translation>
    </message>
</context>
<context>
    <name>gatehouse::AuthorizerForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>발급자</translation>
    </message>
    <message>
        <source>https://issuer.example.com</source>
        <translation>https://issuer.example.com</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>client IDs, comma-separated</source>
        <translation>클라이언트 ID, 쉼표로 구분</translation>
    </message>
    <message>
        <source>JWKS</source>
        <translation>JWKS</translation>
    </message>
    <message>
        <source>https URL, or a file in the project</source>
        <translation>https URL 또는 프로젝트 안의 파일</translation>
    </message>
    <message>
        <source>Token source</source>
        <translation>토큰 소스</translation>
    </message>
    <message>
        <source>Lambda authorizer</source>
        <translation>Lambda 권한 부여자</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Request (headers, query, context)</source>
        <translation>요청 (헤더, 쿼리, 컨텍스트)</translation>
    </message>
    <message>
        <source>Token (one header)</source>
        <translation>토큰 (헤더 하나)</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>페이로드 형식</translation>
    </message>
    <message>
        <source>API default</source>
        <translation>API 기본값</translation>
    </message>
    <message>
        <source>Identity sources</source>
        <translation>자격 증명 소스</translation>
    </message>
    <message>
        <source>Token pattern</source>
        <translation>토큰 패턴</translation>
    </message>
    <message>
        <source>a regular expression the token must match</source>
        <translation>토큰이 일치해야 하는 정규식</translation>
    </message>
    <message>
        <source>Simple responses ({&quot;isAuthorized&quot;: true})</source>
        <translation>단순 응답 ({&quot;isAuthorized&quot;: true})</translation>
    </message>
    <message>
        <source>Cache results</source>
        <translation>결과 캐시</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>직접 지정</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Without a custom value results are cached for 300 s; 0 turns caching off.</source>
        <translation>직접 지정하지 않으면 결과를 300초 동안 캐시합니다. 0이면 캐싱을 끕니다.</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 키</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Usage plan</source>
        <translation>사용량 계획</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>할당량</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>최대</translation>
    </message>
    <message>
        <source> requests</source>
        <translation>건</translation>
    </message>
    <message>
        <source>Quota period</source>
        <translation>할당량 기간</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>일별</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>주별</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>월별</translation>
    </message>
</context>
<context>
    <name>gatehouse::BodyEditor</name>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>원시</translation>
    </message>
    <message>
        <source>Form (URL-encoded)</source>
        <translation>양식 (URL 인코딩)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>File whose bytes are the body</source>
        <translation>바이트 그대로 본문이 되는 파일</translation>
    </message>
    <message>
        <source>This request has no body.</source>
        <translation>이 요청에는 본문이 없습니다.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Body File</source>
        <translation>본문 파일</translation>
    </message>
</context>
<context>
    <name>gatehouse::BucketForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Invoke a function when objects change</source>
        <translation>객체가 바뀌면 함수 호출</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>접두사</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>접미사</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Versioning: keep every version</source>
        <translation>버전 관리: 모든 버전 보관</translation>
    </message>
    <message>
        <source>Every write keeps a new version of the object, and a delete adds a delete marker instead of removing it (S3 Versioning).</source>
        <translation>쓰기마다 객체의 새 버전을 보관하고, 삭제하면 객체를 지우는 대신 삭제 마커를 추가합니다(S3 버전 관리).</translation>
    </message>
</context>
<context>
    <name>gatehouse::BucketObjectModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>마지막 수정</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>콘텐츠 유형</translation>
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
        <translation>로컬 클라우드가 시작되기를 기다리는 중…</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 of %3)…</source>
        <translation>%1 업로드 중 (%3개 중 %2번째)…</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n object(s)…</source>
        <translation>
            <numerusform>객체 %n개 삭제 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>The local cloud stopped; nothing more was written.</source>
        <translation>로컬 클라우드가 중지되어 더 이상 쓰지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %n object(s).</source>
        <translation>
            <numerusform>객체 %n개를 업로드했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n object(s).</source>
        <translation>
            <numerusform>객체 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::BucketsPanel</name>
    <message>
        <source>The project&apos;s bucket to browse</source>
        <translation>탐색할 프로젝트 버킷</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>상위 폴더로</translation>
    </message>
    <message>
        <source>Read the bucket&apos;s objects again</source>
        <translation>버킷의 객체를 다시 읽습니다</translation>
    </message>
    <message>
        <source>Drop files or folders here to upload them into this folder</source>
        <translation>파일이나 폴더를 여기에 놓으면 이 폴더에 업로드됩니다</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>업로드…</translation>
    </message>
    <message>
        <source>Upload files into this folder; the bucket&apos;s notifications fire as for aws s3 cp</source>
        <translation>이 폴더에 파일을 업로드합니다. aws s3 cp와 마찬가지로 버킷 알림이 발생합니다</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>다운로드…</translation>
    </message>
    <message>
        <source>Save the selected object to a file</source>
        <translation>선택한 객체를 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected objects and folders</source>
        <translation>선택한 객체와 폴더를 삭제합니다</translation>
    </message>
    <message>
        <source>Copy S3 URI</source>
        <translation>S3 URI 복사</translation>
    </message>
    <message>
        <source>Copy s3://bucket/key of the selection</source>
        <translation>선택 항목의 s3://bucket/key를 복사합니다</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL 복사</translation>
    </message>
    <message>
        <source>Copy the selection&apos;s URL on the running local S3 endpoint</source>
        <translation>실행 중인 로컬 S3 엔드포인트에서 선택 항목의 URL을 복사합니다</translation>
    </message>
    <message>
        <source>Bucket:</source>
        <translation>버킷:</translation>
    </message>
    <message>
        <source>Save the project to keep objects in its buckets.</source>
        <translation>버킷에 객체를 보관하려면 프로젝트를 저장하세요.</translation>
    </message>
    <message>
        <source>The project has no buckets: add one on the canvas.</source>
        <translation>프로젝트에 버킷이 없습니다. 캔버스에서 추가하세요.</translation>
    </message>
    <message>
        <source>The bucket is empty. Upload files, or drop them here.</source>
        <translation>버킷이 비어 있습니다. 파일을 업로드하거나 여기에 놓으세요.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>The URL is known while the local cloud runs</source>
        <translation>URL은 로컬 클라우드가 실행 중일 때 알 수 있습니다</translation>
    </message>
    <message>
        <source>Upload to s3://%1/%2</source>
        <translation>s3://%1/%2에 업로드</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Nothing uploaded: the project has no saved bucket to upload to.</source>
        <translation>업로드하지 않았습니다. 프로젝트에 업로드할 저장된 버킷이 없습니다.</translation>
    </message>
    <message>
        <source>Not uploaded (not a readable file or folder): %1</source>
        <translation>업로드하지 않음 (읽을 수 있는 파일이나 폴더가 아님): %1</translation>
    </message>
    <message>
        <source>Download s3://%1/%2</source>
        <translation>s3://%1/%2 다운로드</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Replace %1?</source>
        <translation>%1을(를) 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 다운로드 중…</translation>
    </message>
    <message>
        <source>Downloaded %1 to %2.</source>
        <translation>%1을(를) %2에 다운로드했습니다.</translation>
    </message>
    <message>
        <source>Download of %1 failed: %2</source>
        <translation>%1 다운로드 실패: %2</translation>
    </message>
    <message>
        <source>Delete s3://%1/%2?</source>
        <translation>s3://%1/%2을(를) 삭제하시겠습니까?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n object(s) from %1?</source>
        <translation>
            <numerusform>%1에서 객체 %n개를 삭제하시겠습니까?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Objects</source>
        <translation>객체 삭제</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>새 폴더…</translation>
    </message>
    <message>
        <source>Open a new folder (a key prefix) to upload into</source>
        <translation>업로드할 새 폴더(키 접두사)를 엽니다</translation>
    </message>
    <message>
        <source>No objects under %1 yet. Upload files, or drop them here.</source>
        <translation>%1 아래에 아직 객체가 없습니다. 파일을 업로드하거나 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>새 폴더</translation>
    </message>
    <message>
        <source>Folder name in s3://%1/%2</source>
        <translation>s3://%1/%2 안의 폴더 이름</translation>
    </message>
    <message>
        <source>A folder needs a name.</source>
        <translation>폴더에는 이름이 필요합니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::CloudRunner</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::CloudStartGate</name>
    <message>
        <source>The local cloud could not start: %1</source>
        <translation>로컬 클라우드를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The local cloud was stopped before it was ready.</source>
        <translation>로컬 클라우드가 준비되기 전에 중지되었습니다.</translation>
    </message>
    <message>
        <source>The local cloud is stopping; try again when it has stopped.</source>
        <translation>로컬 클라우드가 중지하는 중입니다. 중지된 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The local cloud did not start; the Run panel says why.</source>
        <translation>로컬 클라우드가 시작되지 않았습니다. 이유는 실행 패널에 있습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::CodeTabs</name>
    <message>
        <source>Gatehouse cannot open the code of function %1: runtime %2 is not one it runs.</source>
        <translation>Gatehouse는 함수 %1의 코드를 열 수 없습니다: 런타임 %2은(는) Gatehouse가 실행하는 런타임이 아닙니다.</translation>
    </message>
    <message>
        <source>The handler &quot;%1&quot; of function %2 does not name a module in its code folder. Write it as module.function, for example app.lambda_handler.</source>
        <translation>함수 %2의 핸들러 &quot;%1&quot;이(가) 코드 폴더의 모듈을 가리키지 않습니다. module.function 형식(예: app.lambda_handler)으로 쓰세요.</translation>
    </message>
    <message>
        <source>The handler &quot;%1&quot; of function %2 does not name a file in its code folder. Write it as file.function, for example index.handler.</source>
        <translation>함수 %2의 핸들러 &quot;%1&quot;이(가) 코드 폴더의 파일을 가리키지 않습니다. file.function 형식(예: index.handler)으로 쓰세요.</translation>
    </message>
    <message>
        <source>No handler file</source>
        <translation>핸들러 파일 없음</translation>
    </message>
    <message>
        <source>Cannot create the handler file</source>
        <translation>핸들러 파일을 만들 수 없음</translation>
    </message>
    <message>
        <source>Wrote a starter handler for function %1 to %2</source>
        <translation>함수 %1의 시작용 핸들러를 %2에 작성했습니다</translation>
    </message>
    <message>
        <source>Cannot open the handler file</source>
        <translation>핸들러 파일을 열 수 없음</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: it is open read-only</source>
        <translation>%1은(는) UTF-8 텍스트가 아니어서 읽기 전용으로 열었습니다</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없음</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing it?</source>
        <translation>닫기 전에 %1의 변경 사항을 저장하시겠습니까?</translation>
    </message>
    <message>
        <source>%1*</source>
        <comment>the tab of a file with unsaved changes</comment>
        <translation>%1*</translation>
    </message>
    <message>
        <source>The handler of %1</source>
        <translation>%1의 핸들러</translation>
    </message>
    <message>
        <source>%1 was deleted or moved away; saving writes it again</source>
        <translation>%1이(가) 삭제되었거나 다른 곳으로 옮겨졌습니다. 저장하면 다시 씁니다</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>디스크의 파일이 변경됨</translation>
    </message>
    <message>
        <source>%1 was changed by another program, and you have unsaved changes to it here.

Reload it from disk and discard your changes?</source>
        <translation>%1이(가) 다른 프로그램에서 변경되었고, 여기에는 저장하지 않은 변경 사항이 있습니다.

디스크에서 다시 불러오고 변경 사항을 버리시겠습니까?</translation>
    </message>
    <message>
        <source>Reloaded %1: it was changed on disk</source>
        <translation>디스크에서 변경된 %1을(를) 다시 불러왔습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::CollectionPanel</name>
    <message>
        <source>Run Collection</source>
        <translation>컬렉션 실행</translation>
    </message>
    <message>
        <source>Run Selected</source>
        <translation>선택 항목 실행</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Send every saved request to the local cloud and check its assertions</source>
        <translation>저장된 모든 요청을 로컬 클라우드로 보내고 검증을 확인합니다</translation>
    </message>
    <message>
        <source>Send the selected requests only</source>
        <translation>선택한 요청만 보냅니다</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>메서드</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>환경:</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>환경 없음</translation>
    </message>
    <message>
        <source>The variable set the requests&apos; {{variables}} come from. Each HTTP and REST API&apos;s local URL is always there too ({{api-name}}, {{apiName}}, {{baseUrl}}) and wins, as in gatehouse test.</source>
        <translation>요청의 {{variables}} 값을 가져오는 변수 집합입니다. 각 HTTP 및 REST API의 로컬 URL({{api-name}}, {{apiName}}, {{baseUrl}})도 항상 들어 있으며, gatehouse test에서처럼 이 값이 우선합니다.</translation>
    </message>
    <message>
        <source>The project has no saved requests.</source>
        <translation>프로젝트에 저장된 요청이 없습니다.</translation>
    </message>
    <message>
        <source>Select requests to run.</source>
        <translation>실행할 요청을 선택하세요.</translation>
    </message>
    <message>
        <source>Save the project first: its functions&apos; code lives in its folder.</source>
        <translation>먼저 프로젝트를 저장하세요: 함수 코드는 프로젝트 폴더에 있습니다.</translation>
    </message>
    <message>
        <source>Starting the local cloud…</source>
        <translation>로컬 클라우드를 시작하는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Running %n request(s)…</source>
        <translation>
            <numerusform>요청 %n건 실행 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Ran %1 of %2…</source>
        <translation>%2개 중 %1개 실행함…</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>통과 %1개, 실패 %2개</translation>
    </message>
    <message>
        <source>Cancelled: %1 passed, %2 failed, %3 not run</source>
        <translation>취소됨: 통과 %1개, 실패 %2개, 실행 안 함 %3개</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Delete Request</source>
        <translation>요청 삭제</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 사본</translation>
    </message>
    <message>
        <source>Duplicate request “%1”</source>
        <translation>요청 “%1” 복제</translation>
    </message>
</context>
<context>
    <name>gatehouse::ComboField</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ComposerPage</name>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Save to Collection…</source>
        <translation>컬렉션에 저장…</translation>
    </message>
    <message>
        <source>Environments…</source>
        <translation>환경…</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>curl로 복사</translation>
    </message>
    <message>
        <source>Import from curl…</source>
        <translation>curl에서 가져오기…</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Tests (%1)</source>
        <translation>테스트 (%1)</translation>
    </message>
    <message>
        <source>Save to Collection</source>
        <translation>컬렉션에 저장</translation>
    </message>
    <message>
        <source>Add this request to the project&apos;s collection, or update the one of the same name (%1)</source>
        <translation>이 요청을 프로젝트의 컬렉션에 추가하거나 같은 이름의 요청을 업데이트합니다 (%1)</translation>
    </message>
    <message>
        <source>Send the request (%1)</source>
        <translation>요청 보내기 (%1)</translation>
    </message>
    <message>
        <source>{{baseUrl}}/path?name=value</source>
        <translation>{{baseUrl}}/path?name=value</translation>
    </message>
    <message>
        <source>Copy the request, variables filled in, as a curl command line</source>
        <translation>변수를 채운 요청을 curl 명령줄로 복사합니다</translation>
    </message>
    <message>
        <source>Fill the composer from a pasted curl command line</source>
        <translation>붙여 넣은 curl 명령줄로 작성기를 채웁니다</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>인증</translation>
    </message>
    <message>
        <source>Click a request to load it again</source>
        <translation>요청을 클릭하면 다시 불러옵니다</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>환경:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>New Request</source>
        <translation>새 요청</translation>
    </message>
    <message>
        <source>Unknown variable: %1 (pick an environment, define it with Environments…, or Run the project for its API URLs)</source>
        <translation>알 수 없는 변수: %1 (환경을 선택하거나, 환경…에서 정의하거나, API URL을 쓰려면 프로젝트를 실행하세요)</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>환경 없음</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>Sent at %1 (%2 ms)</source>
        <translation>%1에 보냄 (%2 ms)</translation>
    </message>
    <message>
        <source>Loaded the request from the history</source>
        <translation>기록에서 요청을 불러왔습니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancelled before a response arrived.</source>
        <translation>응답이 오기 전에 취소했습니다.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>The request history was not saved: %1</source>
        <translation>요청 기록을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Request name (a request of the same name is replaced):</source>
        <translation>요청 이름 (같은 이름의 요청은 바뀝니다):</translation>
    </message>
    <message>
        <source>Not saved: a saved request needs a name.</source>
        <translation>저장 안 됨: 저장할 요청에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장 안 됨: %1</translation>
    </message>
    <message>
        <source>Request %1 is already saved with no changes</source>
        <translation>요청 %1은(는) 변경 없이 이미 저장되어 있습니다</translation>
    </message>
    <message>
        <source>Update request %1</source>
        <translation>요청 %1 업데이트</translation>
    </message>
    <message>
        <source>Save request %1</source>
        <translation>요청 %1 저장</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>복사 안 됨: %1</translation>
    </message>
    <message>
        <source>Copied the request as a curl command</source>
        <translation>요청을 curl 명령으로 복사했습니다</translation>
    </message>
    <message>
        <source>Imported the curl command</source>
        <translation>curl 명령을 가져왔습니다</translation>
    </message>
    <message>
        <source>Imported the curl command; left out: %1</source>
        <translation>curl 명령을 가져왔습니다. 제외된 항목: %1</translation>
    </message>
    <message>
        <source>No test token: the project has no JWT authorizer.</source>
        <translation>테스트 토큰 없음: 프로젝트에 JWT 권한 부여자가 없습니다.</translation>
    </message>
    <message>
        <source>Make Test Token</source>
        <translation>테스트 토큰 만들기</translation>
    </message>
    <message>
        <source>A token for the JWT authorizer:</source>
        <translation>JWT 권한 부여자용 토큰:</translation>
    </message>
    <message>
        <source>No test token for %1: %2</source>
        <translation>%1의 테스트 토큰 없음: %2</translation>
    </message>
    <message>
        <source>A %1 test token for authorizer %2, valid for an hour</source>
        <translation>권한 부여자 %2용 %1 테스트 토큰, 1시간 동안 유효</translation>
    </message>
    <message>
        <source>Edit environments</source>
        <translation>환경 편집</translation>
    </message>
    <message>
        <source>No test token for %1: %2

Create local test keys? Gatehouse makes an RSA key pair, keeps the private key in the project&apos;s .gatehouse/keys folder and points the authorizer&apos;s key set at the public key, so that the local gateway accepts the tokens it signs (and no longer those of the real identity provider). Edit &gt; Undo points it back.</source>
        <translation>%1의 테스트 토큰을 만들 수 없습니다: %2

로컬 테스트 키를 만들까요? Gatehouse가 RSA 키 쌍을 만들어 개인 키는 프로젝트의 .gatehouse/keys 폴더에 보관하고, 권한 부여자의 키 세트가 공개 키를 가리키게 합니다. 그러면 로컬 게이트웨이는 이 키로 서명한 토큰을 받아들이고, 실제 ID 공급자의 토큰은 더 이상 받아들이지 않습니다. 편집 &gt; 실행 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>No local test keys for %1: %2</source>
        <translation>%1의 로컬 테스트 키를 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Use local test keys for %1</source>
        <translation>%1에 로컬 테스트 키 사용</translation>
    </message>
</context>
<context>
    <name>gatehouse::ComposerRequest</name>
    <message>
        <source>Cannot read the body file %1: %2</source>
        <translation>본문 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The body file %1 is binary: a saved request keeps its body as text. Paste the text as a raw body instead.</source>
        <translation>본문 파일 %1은(는) 바이너리입니다. 저장된 요청은 본문을 텍스트로 보관합니다. 대신 텍스트를 원시 본문으로 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>Choose the file to send as the body.</source>
        <translation>본문으로 보낼 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>The body file %1 is larger than 64 MiB.</source>
        <translation>본문 파일 %1이(가) 64 MiB보다 큽니다.</translation>
    </message>
    <message>
        <source>No value for %1 in the chosen environment.</source>
        <translation>선택한 환경에 %1의 값이 없습니다.</translation>
    </message>
    <message>
        <source>Enter a URL to send the request to.</source>
        <translation>요청을 보낼 URL을 입력하세요.</translation>
    </message>
    <message>
        <source>Not an http or https URL: %1</source>
        <translation>http 또는 https URL이 아닙니다: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConnectAttempt</name>
    <message>
        <source>the $connect route&apos;s authorizer &apos;%1&apos; is not a Lambda authorizer of this project</source>
        <translation>$connect 라우트의 권한 부여자 &apos;%1&apos;은(는) 이 프로젝트의 Lambda 권한 부여자가 아닙니다</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos; was not invoked: %2</source>
        <translation>Lambda 권한 부여자 &apos;%1&apos;을(를) 호출하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos;: %2</source>
        <translation>Lambda 권한 부여자 &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>the $connect mock answered %1</source>
        <translation>$connect 모의 응답이 %1을(를) 반환했습니다</translation>
    </message>
    <message>
        <source>route &apos;$connect&apos;: HTTP integrations are not supported on WebSocket APIs yet; the connection is accepted without it</source>
        <translation>라우트 &apos;$connect&apos;: WebSocket API에서는 아직 HTTP 통합을 지원하지 않습니다. 통합 없이 연결을 수락합니다</translation>
    </message>
    <message>
        <source>route &apos;$connect&apos;: function &apos;%1&apos; failed: %2: %3</source>
        <translation>라우트 &apos;$connect&apos;: 함수 &apos;%1&apos;이(가) 실패했습니다: %2: %3</translation>
    </message>
    <message>
        <source>route &apos;$connect&apos;: function &apos;%1&apos; answered %2</source>
        <translation>라우트 &apos;$connect&apos;: 함수 &apos;%1&apos;이(가) %2을(를) 반환했습니다</translation>
    </message>
    <message>
        <source>refused a WebSocket connection: %1</source>
        <translation>WebSocket 연결을 거부했습니다: %1</translation>
    </message>
    <message>
        <source>the client left before the upgrade</source>
        <translation>업그레이드 전에 클라이언트가 연결을 끊었습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::CurlImportDialog</name>
    <message>
        <source>Import from curl</source>
        <translation>curl에서 가져오기</translation>
    </message>
    <message>
        <source>curl &apos;https://example.com/items&apos; -H &apos;accept: application/json&apos;</source>
        <translation>curl &apos;https://example.com/items&apos; -H &apos;accept: application/json&apos;</translation>
    </message>
    <message>
        <source>Paste a curl command line (bash or Windows cmd):</source>
        <translation>curl 명령줄을 붙여 넣으세요 (bash 또는 Windows cmd):</translation>
    </message>
</context>
<context>
    <name>gatehouse::DeleteEntityCommand</name>
    <message>
        <source>Delete %1 “%2”</source>
        <translation>%1 “%2” 삭제</translation>
    </message>
</context>
<context>
    <name>gatehouse::DesignerPage</name>
    <message>
        <source>Zoom In</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>화면에 맞추기</translation>
    </message>
    <message>
        <source>Arrange Automatically</source>
        <translation>자동 정렬</translation>
    </message>
    <message>
        <source>Forget where nodes were dragged and lay the canvas out left to right</source>
        <translation>끌어 놓은 노드 위치를 버리고 캔버스를 왼쪽에서 오른쪽으로 배치합니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::DesignerScene</name>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message numerus="yes">
        <source>%n invocation(s), %1 cold start(s), %2 error(s)</source>
        <translation>
            <numerusform>호출 %n회, 콜드 스타트 %1회, 오류 %2개</numerusform>
        </translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>처리 중</translation>
    </message>
    <message numerus="yes">
        <source>%n warm</source>
        <translation>
            <numerusform>웜 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>cold</source>
        <translation>콜드</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>항목 %n개 삭제</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrange the canvas automatically</source>
        <translation>캔버스 자동 정렬</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>“%1” 이동</translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>노드 %n개 이동</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>힌트</translation>
    </message>
</context>
<context>
    <name>gatehouse::DiagnosticsSummary</name>
    <message>
        <source>Show the Diagnostics panel</source>
        <translation>진단 패널 보기</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>오류 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>경고 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::DiagnosticsView</name>
    <message>
        <source>No problems found in this project.</source>
        <translation>이 프로젝트에서 발견된 문제가 없습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::EdgeItem</name>
    <message>
        <source>On success: the invocation record</source>
        <translation>성공 시: 호출 기록</translation>
    </message>
    <message>
        <source>On failure: the invocation record</source>
        <translation>실패 시: 호출 기록</translation>
    </message>
</context>
<context>
    <name>gatehouse::EditorPage</name>
    <message>
        <source>%1 is not UTF-8 text, so it was opened read-only.</source>
        <translation>%1은(는) UTF-8 텍스트가 아니어서 읽기 전용으로 열었습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::EntityText</name>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Authorizers</source>
        <translation>권한 부여자</translation>
    </message>
    <message>
        <source>Buckets</source>
        <translation>버킷</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation>저장된 요청</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>라우트</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>스테이지</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>authorizer</source>
        <translation>권한 부여자</translation>
    </message>
    <message>
        <source>bucket</source>
        <translation>버킷</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>saved request</source>
        <translation>저장된 요청</translation>
    </message>
    <message>
        <source>route</source>
        <translation>라우트</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>스테이지</translation>
    </message>
    <message>
        <source>project</source>
        <translation>프로젝트</translation>
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
        <translation>API 키</translation>
    </message>
    <message>
        <source>mock %1</source>
        <translation>모의 응답 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s)</source>
        <translation>
            <numerusform>알림 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (비활성)</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>표준</translation>
    </message>
    <message>
        <source>%1 API</source>
        <translation>%1 API</translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>라우트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>스테이지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Runtime: %1</source>
        <translation>런타임: %1</translation>
    </message>
    <message>
        <source>Handler: %1</source>
        <translation>핸들러: %1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>코드: %1</translation>
    </message>
    <message>
        <source>%1 MB, %2 s timeout</source>
        <translation>%1 MB, 제한 시간 %2초</translation>
    </message>
</context>
<context>
    <name>gatehouse::EnvironmentsDialog</name>
    <message>
        <source>Variable</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Environments (double-click to rename):</source>
        <translation>환경 (두 번 클릭하여 이름 바꾸기):</translation>
    </message>
    <message>
        <source>Variables, used in requests as {{name}}:</source>
        <translation>변수 (요청에서 {{name}}으로 사용):</translation>
    </message>
    <message>
        <source>Every environment needs a name.</source>
        <translation>모든 환경에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Two environments are called &quot;%1&quot;; names must differ.</source>
        <translation>두 환경의 이름이 &quot;%1&quot;입니다. 이름은 서로 달라야 합니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::EventTemplateChoices</name>
    <message>
        <source>API Gateway HTTP API (payload 2.0)</source>
        <translation>API Gateway HTTP API (페이로드 2.0)</translation>
    </message>
    <message>
        <source>API Gateway REST API (payload 1.0)</source>
        <translation>API Gateway REST API (페이로드 1.0)</translation>
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
        <translation>EventBridge 일정</translation>
    </message>
    <message>
        <source>SQS batch</source>
        <translation>SQS 배치</translation>
    </message>
    <message>
        <source>WebSocket message</source>
        <translation>WebSocket 메시지</translation>
    </message>
</context>
<context>
    <name>gatehouse::EventsPanel</name>
    <message>
        <source>Invoke</source>
        <translation>호출</translation>
    </message>
    <message>
        <source>Invoke Async</source>
        <translation>비동기 호출</translation>
    </message>
    <message>
        <source>The function to invoke</source>
        <translation>호출할 함수</translation>
    </message>
    <message>
        <source>Start the event from a template (the ones gatehouse generate-event prints)</source>
        <translation>템플릿으로 이벤트 시작 (gatehouse generate-event가 출력하는 템플릿)</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>이벤트 이름</translation>
    </message>
    <message>
        <source>Saved events of this function, kept in the project under .gatehouse/events</source>
        <translation>이 함수의 저장된 이벤트 (프로젝트의 .gatehouse/events에 보관)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save the event under this name</source>
        <translation>이 이름으로 이벤트 저장</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the saved event of this name</source>
        <translation>이 이름의 저장된 이벤트 삭제</translation>
    </message>
    <message>
        <source>Invoke synchronously (RequestResponse) and wait for the result</source>
        <translation>동기(RequestResponse)로 호출하고 결과를 기다립니다</translation>
    </message>
    <message>
        <source>Invoke asynchronously (Event): accepted at once, run from the queue</source>
        <translation>비동기(Event)로 호출합니다: 즉시 수락되고 대기열에서 실행됩니다</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>함수:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>템플릿:</translation>
    </message>
    <message>
        <source>Saved event:</source>
        <translation>저장된 이벤트:</translation>
    </message>
    <message>
        <source>The local cloud stopped before the invocation finished.</source>
        <translation>호출이 끝나기 전에 로컬 클라우드가 중지되었습니다.</translation>
    </message>
    <message>
        <source>Save the project first: saved events are kept in its folder.</source>
        <translation>먼저 프로젝트를 저장하세요. 저장된 이벤트는 프로젝트 폴더에 보관됩니다.</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1을(를) 불러왔습니다</translation>
    </message>
    <message>
        <source>The event is empty: write a JSON value such as {}.</source>
        <translation>이벤트가 비어 있습니다. {} 같은 JSON 값을 쓰세요.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>%1행 %2열: %3</translation>
    </message>
    <message>
        <source>Not saved: the event is not valid JSON.</source>
        <translation>저장 안 됨: 이벤트가 올바른 JSON이 아닙니다.</translation>
    </message>
    <message>
        <source>Saved %1 for %2</source>
        <translation>%2의 이벤트 %1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>%1 has no saved event named “%2”.</source>
        <translation>%1에는 “%2”(이)라는 저장된 이벤트가 없습니다.</translation>
    </message>
    <message>
        <source>Delete Saved Event</source>
        <translation>저장된 이벤트 삭제</translation>
    </message>
    <message>
        <source>Delete the saved event “%1” of %2?</source>
        <translation>%2의 저장된 이벤트 “%1”을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1을(를) 삭제했습니다</translation>
    </message>
    <message>
        <source>The project has no function to invoke.</source>
        <translation>프로젝트에 호출할 함수가 없습니다.</translation>
    </message>
    <message>
        <source>Not invoked: the event is not valid JSON (%1)</source>
        <translation>호출 안 됨: 이벤트가 올바른 JSON이 아닙니다 (%1)</translation>
    </message>
    <message>
        <source>Save the project first: its functions&apos; code lives in its folder.</source>
        <translation>먼저 프로젝트를 저장하세요: 함수 코드는 프로젝트 폴더에 있습니다.</translation>
    </message>
    <message>
        <source>Invoking %1…</source>
        <translation>%1 호출 중…</translation>
    </message>
    <message>
        <source>Starting the local cloud…</source>
        <translation>로컬 클라우드를 시작하는 중…</translation>
    </message>
    <message>
        <source>The local cloud is not running.</source>
        <translation>로컬 클라우드가 실행 중이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::Export</name>
    <message>
        <source>unknown field(s) %1 are not exported to %2: this version of Gatehouse does not know what they mean</source>
        <translation>알 수 없는 필드 %1은(는) %2(으)로 내보내지 않습니다: 이 버전의 Gatehouse는 그 의미를 알지 못합니다</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; does not exist; this is not exported to %2</source>
        <translation>함수 &apos;%1&apos;이(가) 없으므로 이 항목은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message numerus="yes">
        <source>%n saved request(s) are not part of an AWS SAM template</source>
        <translation>
            <numerusform>저장된 요청 %n개는 AWS SAM 템플릿에 포함되지 않습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>export them with --format postman</source>
        <translation>--format postman으로 내보내세요</translation>
    </message>
    <message>
        <source>request environments are not part of an AWS SAM template</source>
        <translation>요청 환경은 AWS SAM 템플릿에 포함되지 않습니다</translation>
    </message>
    <message>
        <source>code of function &apos;%1&apos; not copied: %2</source>
        <translation>함수 &apos;%1&apos;의 코드를 복사하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>the project has nothing an AWS SAM template can hold</source>
        <translation>프로젝트에 AWS SAM 템플릿에 담을 수 있는 것이 없습니다</translation>
    </message>
    <message>
        <source>add a function first</source>
        <translation>먼저 함수를 추가하세요</translation>
    </message>
    <message>
        <source>the embedded &apos;javascript&apos; runtime does not exist on AWS Lambda; exported to %1 as %2 with the generated wrapper %3</source>
        <translation>내장 &apos;javascript&apos; 런타임은 AWS Lambda에 없습니다. 생성된 래퍼 %3과(와) 함께 %2(으)로 %1에 내보냈습니다</translation>
    </message>
    <message>
        <source>deploy the wrapper with the code; Lambda runs it as %1</source>
        <translation>래퍼를 코드와 함께 배포하세요. Lambda는 이를 %1(으)로 실행합니다</translation>
    </message>
    <message>
        <source>dead-letter queue &apos;%1&apos; does not exist; the redrive policy is not exported to %2</source>
        <translation>배달 못한 편지 대기열 &apos;%1&apos;이(가) 없으므로 재드라이브 정책을 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>identity source(s) %1 have no %2 equivalent and are not exported</source>
        <translation>자격 증명 소스 %1은(는) %2에 해당하는 것이 없어 내보내지 않습니다</translation>
    </message>
    <message>
        <source>jwksUri is not exported to %1: API Gateway&apos;s JWT authorizer finds the keys through the issuer&apos;s OpenID discovery document</source>
        <translation>jwksUri는 %1(으)로 내보내지 않습니다: API Gateway의 JWT 권한 부여자는 발급자의 OpenID 검색 문서에서 키를 찾습니다</translation>
    </message>
    <message>
        <source>HTTP APIs have no TOKEN authorizers; exported to %1 as a REQUEST authorizer reading the same identity sources</source>
        <translation>HTTP API에는 TOKEN 권한 부여자가 없습니다. 같은 자격 증명 소스를 읽는 REQUEST 권한 부여자로 %1에 내보냈습니다</translation>
    </message>
    <message>
        <source>a TOKEN authorizer reads one header; only the first is exported to %1</source>
        <translation>TOKEN 권한 부여자는 헤더 하나만 읽습니다. 첫 번째만 %1(으)로 내보냅니다</translation>
    </message>
    <message>
        <source>payloadFormatVersion and enableSimpleResponses apply to HTTP APIs only; they are not exported to %1 for a REST API</source>
        <translation>payloadFormatVersion과 enableSimpleResponses는 HTTP API에만 적용됩니다. REST API에서는 %1(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>stage &apos;%1&apos; is not exported: an AWS SAM %2 has exactly one stage</source>
        <translation>스테이지 &apos;%1&apos;은(는) 내보내지 않습니다: AWS SAM %2에는 스테이지가 정확히 하나입니다</translation>
    </message>
    <message>
        <source>access logging is not exported to %1: it needs a CloudWatch log group ARN</source>
        <translation>액세스 로깅은 %1(으)로 내보내지 않습니다: CloudWatch 로그 그룹 ARN이 필요합니다</translation>
    </message>
    <message>
        <source>custom domain &apos;%1&apos; is not exported to %2: it needs an ACM certificate ARN</source>
        <translation>사용자 지정 도메인 &apos;%1&apos;은(는) %2(으)로 내보내지 않습니다: ACM 인증서 ARN이 필요합니다</translation>
    </message>
    <message>
        <source>the API-wide throttling is not exported to %1: the stage&apos;s own throttling replaces it on the single exported stage</source>
        <translation>API 전체 제한은 %1(으)로 내보내지 않습니다: 내보내는 단일 스테이지에서는 스테이지 자체 제한이 이를 대신합니다</translation>
    </message>
    <message>
        <source>a REST API answers CORS with one origin; only &apos;%1&apos; is exported to %2</source>
        <translation>REST API는 CORS에 오리진 하나로 응답합니다. &apos;%1&apos;만 %2(으)로 내보냅니다</translation>
    </message>
    <message>
        <source>SAM&apos;s REST API CORS has no expose-headers setting; it is not exported to %1</source>
        <translation>SAM의 REST API CORS에는 expose-headers 설정이 없어 %1(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>REST APIs have no $default stage; exported to %1 with the stage &apos;dev&apos;</source>
        <translation>REST API에는 $default 스테이지가 없습니다. 스테이지 &apos;dev&apos;로 %1에 내보냈습니다</translation>
    </message>
    <message>
        <source>REST API &apos;%1&apos; uses several API-key authorizers; %2 creates one usage plan per API, so only &apos;%3&apos; defines it</source>
        <translation>REST API &apos;%1&apos;은(는) API 키 권한 부여자를 여러 개 씁니다. %2은(는) API마다 사용량 계획을 하나만 만들므로 &apos;%3&apos;만 이를 정의합니다</translation>
    </message>
    <message>
        <source>%1 integration of route &apos;%2&apos; is not exported: %3 function events can only connect a route to a Lambda function</source>
        <translation>라우트 &apos;%2&apos;의 %1 통합은 내보내지 않습니다: %3 함수 이벤트는 라우트를 Lambda 함수에만 연결할 수 있습니다</translation>
    </message>
    <message>
        <source>the mock</source>
        <translation>모의</translation>
    </message>
    <message>
        <source>the HTTP proxy</source>
        <translation>HTTP 프록시</translation>
    </message>
    <message>
        <source>export the API with --format openapi, which keeps these integrations</source>
        <translation>이 통합을 유지하려면 --format openapi로 API를 내보내세요</translation>
    </message>
    <message>
        <source>REST APIs have no $default route; it is not exported to %1</source>
        <translation>REST API에는 $default 라우트가 없어 %1(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>parameter mappings are not exported to %1: SAM function events have no place for them</source>
        <translation>매개변수 매핑은 %1(으)로 내보내지 않습니다: SAM 함수 이벤트에는 이를 둘 곳이 없습니다</translation>
    </message>
    <message>
        <source>export the API with --format openapi, which keeps them</source>
        <translation>이를 유지하려면 --format openapi로 API를 내보내세요</translation>
    </message>
    <message>
        <source>REST APIs always send payload format 1.0; version %1 is not exported to %2</source>
        <translation>REST API는 항상 페이로드 형식 1.0을 보냅니다. 버전 %1은(는) %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; does not exist; the route is exported to %2 without it</source>
        <translation>권한 부여자 &apos;%1&apos;이(가) 없으므로 라우트를 권한 부여자 없이 %2(으)로 내보냅니다</translation>
    </message>
    <message>
        <source>HTTP APIs have no API keys; the API key requirement of route &apos;%1&apos; is not exported to %2</source>
        <translation>HTTP API에는 API 키가 없습니다. 라우트 &apos;%1&apos;의 API 키 요구 사항은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>REST APIs have no JWT authorizers; the JWT authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>REST API에는 JWT 권한 부여자가 없습니다. 라우트 &apos;%1&apos;의 JWT 권한 부여자는 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>authorization scopes need a JWT or Cognito authorizer; they are not exported to %1 for a REST API Lambda authorizer</source>
        <translation>권한 범위에는 JWT 또는 Cognito 권한 부여자가 필요합니다. REST API Lambda 권한 부여자에서는 %1(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>API-key authorizer &apos;%1&apos; has no keys; SAM generates one with a random value</source>
        <translation>API 키 권한 부여자 &apos;%1&apos;에 키가 없습니다. SAM이 무작위 값으로 하나를 만듭니다</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is used by no route; %2 declares authorizers per API, so it is not exported</source>
        <translation>권한 부여자 &apos;%1&apos;을(를) 쓰는 라우트가 없습니다. %2은(는) API마다 권한 부여자를 선언하므로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>API-wide throttling of a WebSocket API is exported to %1 as each stage&apos;s default route settings</source>
        <translation>WebSocket API의 API 전체 제한은 각 스테이지의 기본 라우트 설정으로 %1에 내보냅니다</translation>
    </message>
    <message>
        <source>the mock integration of WebSocket route &apos;%1&apos; is not exported to %2</source>
        <translation>WebSocket 라우트 &apos;%1&apos;의 모의 통합은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>per-route throttling of WebSocket route &apos;%1&apos; is not exported to %2</source>
        <translation>WebSocket 라우트 &apos;%1&apos;의 라우트별 제한은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>WebSocket APIs take a Lambda authorizer on $connect only; the authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>WebSocket API는 $connect에서만 Lambda 권한 부여자를 받습니다. 라우트 &apos;%1&apos;의 권한 부여자는 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>stage variables of stage &apos;%1&apos; are not exported: %2 describes routes, not stages</source>
        <translation>스테이지 &apos;%1&apos;의 스테이지 변수는 내보내지 않습니다: %2은(는) 스테이지가 아니라 라우트를 설명합니다</translation>
    </message>
    <message>
        <source>throttling of stage &apos;%1&apos; is not exported: %2 has no throttling extension</source>
        <translation>스테이지 &apos;%1&apos;의 제한 설정은 내보내지 않습니다: %2에는 제한 확장이 없습니다</translation>
    </message>
    <message>
        <source>access logging of stage &apos;%1&apos; is not exported to %2</source>
        <translation>스테이지 &apos;%1&apos;의 액세스 로깅은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>API throttling is not exported: %1 has no throttling extension</source>
        <translation>API 제한 설정은 내보내지 않습니다: %1에는 제한 확장이 없습니다</translation>
    </message>
    <message>
        <source>custom domain &apos;%1&apos; is not exported to %2</source>
        <translation>사용자 지정 도메인 &apos;%1&apos;은(는) %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>REST API CORS is not exported to %1: API Gateway implements it with OPTIONS methods and response headers, which this export does not generate</source>
        <translation>REST API CORS는 %1(으)로 내보내지 않습니다: API Gateway는 이를 OPTIONS 메서드와 응답 헤더로 구현하는데, 이 내보내기는 그것을 생성하지 않습니다</translation>
    </message>
    <message>
        <source>the AWS SAM export keeps it (Api Cors)</source>
        <translation>AWS SAM 내보내기는 이를 유지합니다 (Api Cors)</translation>
    </message>
    <message>
        <source>WebSocket API &apos;%1&apos; is not exported: OpenAPI describes HTTP request/response APIs only</source>
        <translation>WebSocket API &apos;%1&apos;은(는) 내보내지 않습니다: OpenAPI는 HTTP 요청/응답 API만 설명합니다</translation>
    </message>
    <message>
        <source>the AWS SAM export includes it</source>
        <translation>AWS SAM 내보내기에는 포함됩니다</translation>
    </message>
    <message>
        <source>the project has no HTTP or REST API to describe in OpenAPI</source>
        <translation>프로젝트에 OpenAPI로 설명할 HTTP 또는 REST API가 없습니다</translation>
    </message>
    <message>
        <source>functions (code, runtime, memory), buckets, queues and schedules are not part of an OpenAPI document: routes name their functions by ARN only</source>
        <translation>함수(코드, 런타임, 메모리), 버킷, 대기열, 일정은 OpenAPI 문서에 포함되지 않습니다: 라우트는 함수를 ARN으로만 가리킵니다</translation>
    </message>
    <message>
        <source>the AWS SAM and serverless.yml exports include them</source>
        <translation>AWS SAM과 serverless.yml 내보내기에는 포함됩니다</translation>
    </message>
    <message>
        <source>saved requests are not exported to OpenAPI</source>
        <translation>저장된 요청은 OpenAPI로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>method &apos;%1&apos; cannot be described in %2; the route is not exported</source>
        <translation>메서드 &apos;%1&apos;은(는) %2에서 설명할 수 없어 라우트를 내보내지 않습니다</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is defined twice; only the first is exported to %2</source>
        <translation>라우트 &apos;%1&apos;이(가) 두 번 정의되었습니다. 첫 번째만 %2(으)로 내보냅니다</translation>
    </message>
    <message>
        <source>throttling of route &apos;%1&apos; is not exported: %2 has no throttling extension</source>
        <translation>라우트 &apos;%1&apos;의 제한 설정은 내보내지 않습니다: %2에는 제한 확장이 없습니다</translation>
    </message>
    <message>
        <source>the authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>라우트 &apos;%1&apos;의 권한 부여자는 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; does not exist; route &apos;%2&apos; is not exported to %3</source>
        <translation>함수 &apos;%1&apos;이(가) 없으므로 라우트 &apos;%2&apos;을(를) %3(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>HTTP APIs on AWS have no mock integrations; route &apos;%1&apos; is exported to %2 with one, which API Gateway will reject for an HTTP API</source>
        <translation>AWS의 HTTP API에는 모의 통합이 없습니다. 라우트 &apos;%1&apos;은(는) 모의 통합과 함께 %2(으)로 내보내지만, API Gateway는 HTTP API에서 이를 거부합니다</translation>
    </message>
    <message>
        <source>HTTP API parameter mappings do not apply to REST APIs; they are not exported to %1</source>
        <translation>HTTP API 매개변수 매핑은 REST API에 적용되지 않아 %1(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; of authorizer &apos;%2&apos; does not exist; the authorizer is not exported to %3</source>
        <translation>권한 부여자 &apos;%2&apos;의 함수 &apos;%1&apos;이(가) 없으므로 권한 부여자를 %3(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>the keys and usage plan of API-key authorizer &apos;%1&apos; are not exported: %2 only says that routes need a key</source>
        <translation>API 키 권한 부여자 &apos;%1&apos;의 키와 사용량 계획은 내보내지 않습니다: %2은(는) 라우트에 키가 필요하다는 것만 나타냅니다</translation>
    </message>
    <message>
        <source>the AWS SAM export keeps keys and usage plans</source>
        <translation>AWS SAM 내보내기는 키와 사용량 계획을 유지합니다</translation>
    </message>
    <message>
        <source>%1 APIs have no %2 authorizers; authorizer &apos;%3&apos; is not exported to %4</source>
        <translation>%1 API에는 %2 권한 부여자가 없습니다. 권한 부여자 &apos;%3&apos;은(는) %4(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; is exported to %2 as &apos;%3&apos; (letters, digits, &apos;-&apos; and &apos;_&apos; only)</source>
        <translation>함수 &apos;%1&apos;은(는) %2에 &apos;%3&apos;(으)로 내보냈습니다 (문자, 숫자, &apos;-&apos;, &apos;_&apos;만 가능)</translation>
    </message>
    <message>
        <source>saved requests are not part of serverless.yml</source>
        <translation>저장된 요청은 serverless.yml에 포함되지 않습니다</translation>
    </message>
    <message>
        <source>the project has no functions; a serverless.yml service needs at least one</source>
        <translation>프로젝트에 함수가 없습니다. serverless.yml 서비스에는 함수가 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>a %1 service has one API of each kind; the routes of &apos;%2&apos; are merged into &apos;%3&apos;</source>
        <translation>%1 서비스에는 종류마다 API가 하나씩 있습니다. &apos;%2&apos;의 라우트는 &apos;%3&apos;에 합쳐집니다</translation>
    </message>
    <message>
        <source>API throttling is not exported: %1 has no throttling setting for %2</source>
        <translation>API 제한 설정은 내보내지 않습니다: %1에는 %2에 대한 제한 설정이 없습니다</translation>
    </message>
    <message>
        <source>stage variables of stage &apos;%1&apos; are not exported: %2 has no stage variables</source>
        <translation>스테이지 &apos;%1&apos;의 스테이지 변수는 내보내지 않습니다: %2에는 스테이지 변수가 없습니다</translation>
    </message>
    <message>
        <source>throttling of stage &apos;%1&apos; is not exported to %2</source>
        <translation>스테이지 &apos;%1&apos;의 제한 설정은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>the access log format of stage &apos;%1&apos; is not exported to %2</source>
        <translation>스테이지 &apos;%1&apos;의 액세스 로그 형식은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>custom domain &apos;%1&apos; is not exported to %2 (it needs the serverless-domain-manager plugin)</source>
        <translation>사용자 지정 도메인 &apos;%1&apos;은(는) %2(으)로 내보내지 않습니다 (serverless-domain-manager 플러그인이 필요합니다)</translation>
    </message>
    <message>
        <source>%1 deploys HTTP APIs to the $default stage; stage &apos;%2&apos; is not exported</source>
        <translation>%1은(는) HTTP API를 $default 스테이지에 배포합니다. 스테이지 &apos;%2&apos;은(는) 내보내지 않습니다</translation>
    </message>
    <message>
        <source>%1 deploys one stage at a time (provider.stage: %2); stage &apos;%3&apos; is not exported</source>
        <translation>%1은(는) 한 번에 스테이지 하나만 배포합니다 (provider.stage: %2). 스테이지 &apos;%3&apos;은(는) 내보내지 않습니다</translation>
    </message>
    <message>
        <source>%1 integration of route &apos;%2&apos; is not exported: %3 events connect routes to functions only</source>
        <translation>라우트 &apos;%2&apos;의 %1 통합은 내보내지 않습니다: %3 이벤트는 라우트를 함수에만 연결합니다</translation>
    </message>
    <message>
        <source>throttling of route &apos;%1&apos; is not exported: %2 has no per-route throttling</source>
        <translation>라우트 &apos;%1&apos;의 제한 설정은 내보내지 않습니다: %2에는 라우트별 제한이 없습니다</translation>
    </message>
    <message>
        <source>parameter mappings of route &apos;%1&apos; are not exported to %2</source>
        <translation>라우트 &apos;%1&apos;의 매개변수 매핑은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>payload format %1 of route &apos;%2&apos; is not exported: %3 sets one version for the whole HTTP API (2.0)</source>
        <translation>라우트 &apos;%2&apos;의 페이로드 형식 %1은(는) 내보내지 않습니다: %3은(는) HTTP API 전체에 버전 하나(2.0)를 설정합니다</translation>
    </message>
    <message>
        <source>the integration timeout of route &apos;%1&apos; is not exported: %2 derives it from the function&apos;s timeout</source>
        <translation>라우트 &apos;%1&apos;의 통합 제한 시간은 내보내지 않습니다: %2은(는) 이를 함수의 제한 시간에서 정합니다</translation>
    </message>
    <message>
        <source>the authorizer of the $default route is not exported to %1</source>
        <translation>$default 라우트의 권한 부여자는 %1(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>%1 has no expose-headers setting for REST API CORS; it is not exported</source>
        <translation>%1에는 REST API CORS의 expose-headers 설정이 없어 내보내지 않습니다</translation>
    </message>
    <message>
        <source>the integration timeout of WebSocket route &apos;%1&apos; is not exported to %2</source>
        <translation>WebSocket 라우트 &apos;%1&apos;의 통합 제한 시간은 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>REST APIs have no JWT authorizers; the authorizer of route &apos;%1&apos; is not exported to %2</source>
        <translation>REST API에는 JWT 권한 부여자가 없습니다. 라우트 &apos;%1&apos;의 권한 부여자는 %2(으)로 내보내지 않습니다</translation>
    </message>
    <message>
        <source>assertion &apos;%1 %2 %3&apos; has no Postman test equivalent and is not exported</source>
        <translation>검증 &apos;%1 %2 %3&apos;에 해당하는 Postman 테스트가 없어 내보내지 않습니다</translation>
    </message>
    <message>
        <source>the project has no saved requests; the collection is empty</source>
        <translation>프로젝트에 저장된 요청이 없어 컬렉션이 비어 있습니다</translation>
    </message>
    <message>
        <source>functions, APIs and other resources are not part of a Postman collection</source>
        <translation>함수, API 등 다른 리소스는 Postman 컬렉션에 포함되지 않습니다</translation>
    </message>
    <message>
        <source>export them with --format sam</source>
        <translation>--format sam으로 내보내세요</translation>
    </message>
    <message>
        <source>there is no HTTP or REST API at this position to describe in OpenAPI</source>
        <translation>이 위치에는 OpenAPI로 기술할 HTTP 또는 REST API가 없습니다</translation>
    </message>
    <message>
        <source>%1 cannot name an SQS dead-letter queue for a function (onError takes SNS topics only); dead-letter queue &apos;%2&apos; is not exported</source>
        <translation>%1에서는 함수의 배달 못한 편지 대기열로 SQS 대기열을 지정할 수 없습니다 (onError에는 SNS 주제만 지정 가능). 배달 못한 편지 대기열 &apos;%2&apos;은(는) 내보내지 않습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::ExportDialog</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the functions&apos; &amp;code beside the template</source>
        <translation>템플릿 옆에 함수 코드 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Write &amp;JSON instead of YAML</source>
        <translation>YAML 대신 JSON으로 쓰기(&amp;J)</translation>
    </message>
    <message>
        <source>The &amp;buckets exist already</source>
        <translation>버킷이 이미 있음(&amp;B)</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>찾아보기(&amp;R)…</translation>
    </message>
    <message>
        <source>Export Project</source>
        <translation>프로젝트 내보내기</translation>
    </message>
    <message>
        <source>AWS SAM template</source>
        <translation>AWS SAM 템플릿</translation>
    </message>
    <message>
        <source>OpenAPI 3.0 with API Gateway extensions</source>
        <translation>OpenAPI 3.0 (API Gateway 확장 포함)</translation>
    </message>
    <message>
        <source>serverless.yml (Serverless Framework v3)</source>
        <translation>serverless.yml (Serverless Framework v3)</translation>
    </message>
    <message>
        <source>Postman collection and environments</source>
        <translation>Postman 컬렉션과 환경</translation>
    </message>
    <message>
        <source>All HTTP and REST APIs, one document each</source>
        <translation>모든 HTTP 및 REST API (API마다 문서 하나)</translation>
    </message>
    <message>
        <source>The exported folder then deploys on its own (sam deploy, serverless deploy).</source>
        <translation>그러면 내보낸 폴더만으로 배포할 수 있습니다 (sam deploy, serverless deploy).</translation>
    </message>
    <message>
        <source>The buckets are created outside this service; s3 events get existing: true.</source>
        <translation>버킷은 이 서비스 밖에서 만들어집니다. s3 이벤트에 existing: true가 붙습니다.</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>형식(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>API(&amp;A):</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>옵션:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>파일(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>폴더(&amp;F):</translation>
    </message>
    <message>
        <source>Nothing is left out: %1 holds everything in this project.</source>
        <translation>빠지는 것이 없습니다: %1에 이 프로젝트의 모든 것이 담깁니다.</translation>
    </message>
    <message>
        <source>Export to File</source>
        <translation>파일로 내보내기</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 파일 (*.%2)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>폴더로 내보내기</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>내보낼 위치를 선택하세요.</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Gatehouse could not write the export:

%1</source>
        <translation>Gatehouse가 내보낸 파일을 쓰지 못했습니다:

%1</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>파일을 바꾸시겠습니까?</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in “%1” already exist with other contents:

%2

Replace them?</source>
        <translation>
            <numerusform>“%1”에 내용이 다른 파일 %n개가 이미 있습니다:

%2

바꾸시겠습니까?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>파일 %n개 기록</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n개는 이미 최신</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 to %2 (%3; %4).</source>
        <translation>%1을(를) %2에 내보냈습니다 (%3; %4).</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>경고 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ExportFilesView</name>
    <message>
        <source>the exported document</source>
        <translation>내보낸 문서</translation>
    </message>
    <message>
        <source>generated by Gatehouse so the export works on AWS</source>
        <translation>AWS에서 동작하도록 Gatehouse가 생성한 파일</translation>
    </message>
    <message>
        <source>a copy of the function&apos;s code</source>
        <translation>함수 코드의 사본</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>디스크 상태</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>내보낼 것이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n byte(s))</source>
        <translation>
            <numerusform>%1 (%2, %n바이트)</numerusform>
        </translation>
    </message>
    <message>
        <source>replaces a file</source>
        <translation>기존 파일 바꿈</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>변경 없음</translation>
    </message>
    <message>
        <source>new</source>
        <translation>새 파일</translation>
    </message>
    <message numerus="yes">
        <source>(binary file, %n byte(s))</source>
        <translation>
            <numerusform>(바이너리 파일, %n바이트)</numerusform>
        </translation>
    </message>
    <message>
        <source>… (the preview shows the first %1 KiB of %2 KiB)</source>
        <translation>… (미리 보기는 %2 KiB 중 처음 %1 KiB만 보여 줍니다)</translation>
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
        <translation>이전 일치 항목 (Shift+F3, Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>다음 일치 항목 (F3, Enter)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>대/소문자 구분</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>잘못된 정규식</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>결과 없음</translation>
    </message>
</context>
<context>
    <name>gatehouse::FunctionForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>javascript (embedded)</source>
        <translation>javascript (내장)</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>런타임</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>핸들러</translation>
    </message>
    <message>
        <source>file.function, e.g. index.handler</source>
        <translation>file.function, 예: index.handler</translation>
    </message>
    <message>
        <source>Code folder</source>
        <translation>코드 폴더</translation>
    </message>
    <message>
        <source>relative to the project folder</source>
        <translation>프로젝트 폴더 기준 상대 경로</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>한도</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>128 to 10,240 MB in 1 MB steps; the arrows move by 64 MB. Lambda gives a function one vCPU at 1,769 MB.</source>
        <translation>128~10,240 MB, 1 MB 단위이며 화살표는 64 MB씩 바꿉니다. Lambda는 1,769 MB에서 함수에 vCPU 1개를 할당합니다.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>제한 시간</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>1 to 900 seconds (15 minutes)</source>
        <translation>1~900초(15분)</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <source>Reserved concurrency</source>
        <translation>예약된 동시성</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>예약</translation>
    </message>
    <message>
        <source>Environments kept for this function alone, and its maximum; 0 throttles every call.</source>
        <translation>이 함수 전용으로 확보하는 환경 수이자 최대 동시 실행 수입니다. 0이면 모든 호출이 제한됩니다.</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>환경 변수</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Asynchronous invocation</source>
        <translation>비동기 호출</translation>
    </message>
    <message>
        <source>Retry attempts</source>
        <translation>재시도 횟수</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>제한</translation>
    </message>
    <message>
        <source>Retries after a function error: 0 to 2 (Lambda&apos;s default is 2).</source>
        <translation>함수 오류 후 재시도 횟수: 0~2회(Lambda 기본값은 2회).</translation>
    </message>
    <message>
        <source>Maximum event age</source>
        <translation>최대 이벤트 보존 기간</translation>
    </message>
    <message>
        <source>60 s to 6 hours (21,600 s, the default): older events are discarded unrun.</source>
        <translation>60초~6시간(기본값 21,600초): 이보다 오래된 이벤트는 실행되지 않고 폐기됩니다.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Queue %1</source>
        <translation>대기열 %1</translation>
    </message>
    <message>
        <source>Function %1</source>
        <translation>함수 %1</translation>
    </message>
    <message>
        <source>On success</source>
        <translation>성공 시</translation>
    </message>
    <message>
        <source>Receives the invocation record of each event the function handled.</source>
        <translation>함수가 처리한 각 이벤트의 호출 기록을 받습니다.</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>실패 시</translation>
    </message>
    <message>
        <source>Receives the invocation record of each event that failed every attempt or grew too old.</source>
        <translation>모든 시도에 실패했거나 너무 오래된 각 이벤트의 호출 기록을 받습니다.</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>배달 못한 편지 대기열</translation>
    </message>
    <message>
        <source>Receives the bare event of each event that failed every attempt.</source>
        <translation>모든 시도에 실패한 각 이벤트를 그대로 받습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::GatewayExchange</name>
    <message>
        <source>no base path mapping of %1 matches %2</source>
        <translation>%1의 기본 경로 매핑 중 %2과(와) 일치하는 것이 없습니다</translation>
    </message>
    <message>
        <source>no stage of API &apos;%1&apos; matches the path %2</source>
        <translation>API &apos;%1&apos;의 스테이지 중 경로 %2과(와) 일치하는 것이 없습니다</translation>
    </message>
    <message>
        <source>no route matches %1 %2</source>
        <translation>%1 %2과(와) 일치하는 라우트가 없습니다</translation>
    </message>
    <message>
        <source>throttled: the rate or burst limit of stage &apos;%1&apos; or route &apos;%2&apos; is used up</source>
        <translation>제한됨: 스테이지 &apos;%1&apos; 또는 라우트 &apos;%2&apos;의 속도 한도나 버스트 한도를 모두 썼습니다</translation>
    </message>
    <message>
        <source>the route&apos;s authorizer &apos;%1&apos; does not exist</source>
        <translation>라우트의 권한 부여자 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>x-api-key is missing or not a key of usage plan &apos;%1&apos;</source>
        <translation>x-api-key가 없거나 사용량 계획 &apos;%1&apos;의 키가 아닙니다</translation>
    </message>
    <message>
        <source>usage plan &apos;%1&apos; throttled key &apos;%2&apos;</source>
        <translation>사용량 계획 &apos;%1&apos;이(가) 키 &apos;%2&apos;을(를) 제한했습니다</translation>
    </message>
    <message>
        <source>usage plan &apos;%1&apos;: key &apos;%2&apos; used its quota (%3 requests)</source>
        <translation>사용량 계획 &apos;%1&apos;: 키 &apos;%2&apos;이(가) 할당량(요청 %3개)을 모두 썼습니다</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos; has no keys</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;에 키가 없습니다</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos;: %2</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos; was not invoked: %2</source>
        <translation>Lambda 권한 부여자 &apos;%1&apos;을(를) 호출하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos; did not answer within %2 s</source>
        <translation>Lambda 권한 부여자 &apos;%1&apos;이(가) %2초 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>Lambda authorizer &apos;%1&apos;: %2</source>
        <translation>Lambda 권한 부여자 &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; did not answer within the integration timeout of %2 ms</source>
        <translation>함수 &apos;%1&apos;이(가) 통합 제한 시간 %2ms 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>Lambda refused to invoke &apos;%1&apos;: %2</source>
        <translation>Lambda가 &apos;%1&apos; 호출을 거부했습니다: %2</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; failed: %2</source>
        <translation>함수 &apos;%1&apos;이(가) 실패했습니다: %2</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; returned a response API Gateway cannot use: %2</source>
        <translation>함수 &apos;%1&apos;이(가) API Gateway가 사용할 수 없는 응답을 반환했습니다: %2</translation>
    </message>
    <message>
        <source>HTTP integration: %1</source>
        <translation>HTTP 통합: %1</translation>
    </message>
    <message>
        <source>invalid integration URL %1</source>
        <translation>잘못된 통합 URL %1</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms</source>
        <translation>%1이(가) %2ms 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>HTTP integration %1 failed: %2</source>
        <translation>HTTP 통합 %1이(가) 실패했습니다: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::Import</name>
    <message>
        <source>unknown alias</source>
        <translation>알 수 없는 별칭</translation>
    </message>
    <message>
        <source>aliases as mapping keys are not supported</source>
        <translation>매핑 키로 쓰인 별칭은 지원되지 않습니다</translation>
    </message>
    <message>
        <source>the document expands to more than %1 nodes (a YAML alias bomb?)</source>
        <translation>문서가 노드 %1개 이상으로 확장됩니다 (YAML 별칭 폭탄일 수 있습니다)</translation>
    </message>
    <message>
        <source>complex mapping keys are not supported</source>
        <translation>복합 매핑 키는 지원되지 않습니다</translation>
    </message>
    <message>
        <source>the document nests deeper than %1 levels</source>
        <translation>문서의 중첩 깊이가 %1단계를 넘습니다</translation>
    </message>
    <message>
        <source>file is too large (%1 bytes; the limit is %2 bytes)</source>
        <translation>파일이 너무 큽니다 (%1바이트, 한도는 %2바이트)</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>the file holds several YAML documents; only the first is read</source>
        <translation>파일에 YAML 문서가 여러 개 있습니다. 첫 번째만 읽습니다</translation>
    </message>
    <message>
        <source>this does not look like a template, definition or collection</source>
        <translation>템플릿, 정의, 컬렉션 중 어느 것으로도 보이지 않습니다</translation>
    </message>
    <message>
        <source>invalid YAML: %1</source>
        <translation>잘못된 YAML: %1</translation>
    </message>
    <message>
        <source>fix the syntax at the given line and column</source>
        <translation>표시된 줄과 열의 구문을 고치세요</translation>
    </message>
    <message>
        <source>cannot read YAML: %1</source>
        <translation>YAML을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>duplicate key; the last value is used</source>
        <translation>중복된 키입니다. 마지막 값을 사용합니다</translation>
    </message>
    <message>
        <source>Globals is not a mapping; it is ignored</source>
        <translation>Globals가 매핑이 아니어서 무시합니다</translation>
    </message>
    <message>
        <source>Globals for %1 are not imported: Gatehouse has no such resource</source>
        <translation>%1에 대한 Globals는 가져오지 않습니다: Gatehouse에는 그런 리소스가 없습니다</translation>
    </message>
    <message>
        <source>the template has no Resources mapping</source>
        <translation>템플릿에 Resources 매핑이 없습니다</translation>
    </message>
    <message>
        <source>a SAM template lists its functions and APIs under Resources</source>
        <translation>SAM 템플릿은 함수와 API를 Resources 아래에 나열합니다</translation>
    </message>
    <message>
        <source>resource has no Type; it is ignored</source>
        <translation>리소스에 Type이 없어 무시합니다</translation>
    </message>
    <message>
        <source>resource is not imported: its condition &apos;%1&apos; is false with the parameters&apos; default values</source>
        <translation>리소스를 가져오지 않습니다: 매개변수 기본값으로는 조건 &apos;%1&apos;이(가) 거짓입니다</translation>
    </message>
    <message>
        <source>Properties is not a mapping; it is ignored</source>
        <translation>Properties가 매핑이 아니어서 무시합니다</translation>
    </message>
    <message>
        <source>IAM permissions are not emulated: every local function may use every local resource</source>
        <translation>IAM 권한은 에뮬레이션하지 않습니다: 모든 로컬 함수가 모든 로컬 리소스를 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>resource type %1 is not imported: Gatehouse has no equivalent</source>
        <translation>리소스 유형 %1은(는) 가져오지 않습니다: Gatehouse에 해당하는 것이 없습니다</translation>
    </message>
    <message>
        <source>Outputs are not imported; an AWS SAM export writes the endpoint URLs again</source>
        <translation>Outputs는 가져오지 않습니다. AWS SAM 내보내기가 엔드포인트 URL을 다시 씁니다</translation>
    </message>
    <message>
        <source>value %1 cannot be evaluated locally and is not imported</source>
        <translation>값 %1은(는) 로컬에서 평가할 수 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>expected a whole number, found &apos;%1&apos;; it is ignored</source>
        <translation>정수가 필요한데 &apos;%1&apos;이(가) 있어 무시합니다</translation>
    </message>
    <message>
        <source>%1 property %2 is not imported: Gatehouse does not model it</source>
        <translation>%1 속성 %2은(는) 가져오지 않습니다: Gatehouse가 다루지 않는 속성입니다</translation>
    </message>
    <message>
        <source>the file is not a mapping; a SAM template starts with keys such as Resources</source>
        <translation>파일이 매핑이 아닙니다. SAM 템플릿은 Resources 같은 키로 시작합니다</translation>
    </message>
    <message>
        <source>the template does not declare Transform: AWS::Serverless-2016-10-31; it is read as plain CloudFormation</source>
        <translation>템플릿에 Transform: AWS::Serverless-2016-10-31 선언이 없어 일반 CloudFormation으로 읽습니다</translation>
    </message>
    <message>
        <source>the template has no resource Gatehouse can import</source>
        <translation>템플릿에 Gatehouse가 가져올 수 있는 리소스가 없습니다</translation>
    </message>
    <message>
        <source>Gatehouse imports functions, APIs, buckets, queues and schedules</source>
        <translation>Gatehouse는 함수, API, 버킷, 대기열, 일정을 가져옵니다</translation>
    </message>
    <message>
        <source>filter rule &apos;%1&apos; is not imported</source>
        <translation>필터 규칙 &apos;%1&apos;은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the notification&apos;s function is not in the template; it is not imported</source>
        <translation>알림의 함수가 템플릿에 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>bucket notifications to %1 are not imported: Gatehouse buckets notify functions only</source>
        <translation>%1(으)로 가는 버킷 알림은 가져오지 않습니다: Gatehouse 버킷은 함수에만 알립니다</translation>
    </message>
    <message>
        <source>dead-letter queue &apos;%1&apos; is not in the template; create it in the project to use it</source>
        <translation>배달 못한 편지 대기열 &apos;%1&apos;이(가) 템플릿에 없습니다. 쓰려면 프로젝트에서 만드세요</translation>
    </message>
    <message>
        <source>function has no Runtime (container images are not supported); the embedded JavaScript runtime is assumed</source>
        <translation>함수에 Runtime이 없습니다 (컨테이너 이미지는 지원되지 않음). 내장 JavaScript 런타임으로 간주합니다</translation>
    </message>
    <message>
        <source>set the runtime and handler in the imported project</source>
        <translation>가져온 프로젝트에서 런타임과 핸들러를 설정하세요</translation>
    </message>
    <message>
        <source>only the first architecture is imported</source>
        <translation>첫 번째 아키텍처만 가져옵니다</translation>
    </message>
    <message>
        <source>a plain AWS::Lambda::Function has no event sources of its own; its triggers (permissions, event source mappings) are not imported</source>
        <translation>일반 AWS::Lambda::Function에는 자체 이벤트 소스가 없습니다. 트리거(권한, 이벤트 소스 매핑)는 가져오지 않습니다</translation>
    </message>
    <message>
        <source>%1 refers to %2, which is not modelled locally; the variable is set to &apos;%2&apos;</source>
        <translation>%1이(가) 로컬에서 다루지 않는 %2을(를) 참조합니다. 변수를 &apos;%2&apos;(으)로 설정합니다</translation>
    </message>
    <message>
        <source>value %1 cannot be evaluated locally; the variable is not imported</source>
        <translation>값 %1은(는) 로컬에서 평가할 수 없어 변수를 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the code is not in a folder beside the template (%1); a stub is written to %2</source>
        <translation>코드가 템플릿 옆 폴더에 없습니다 (%1). %2에 스텁을 씁니다</translation>
    </message>
    <message>
        <source>S3 location</source>
        <translation>S3 위치</translation>
    </message>
    <message>
        <source>code folder not copied (%1); a stub is written instead</source>
        <translation>코드 폴더를 복사하지 못했습니다 (%1). 대신 스텁을 씁니다</translation>
    </message>
    <message>
        <source>code folder partly copied: %1</source>
        <translation>코드 폴더를 일부만 복사했습니다: %1</translation>
    </message>
    <message>
        <source>no stub can be written for runtime &apos;%1&apos;; add the code yourself</source>
        <translation>런타임 &apos;%1&apos;용 스텁은 쓸 수 없습니다. 코드를 직접 추가하세요</translation>
    </message>
    <message>
        <source>default authorizer &apos;%1&apos; is not imported</source>
        <translation>기본 권한 부여자 &apos;%1&apos;은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>Auth setting %1 is not imported</source>
        <translation>Auth 설정 %1은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>default scopes of an authorizer are not imported; set them on each route</source>
        <translation>권한 부여자의 기본 범위는 가져오지 않습니다. 라우트마다 설정하세요</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is neither a JWT nor a Lambda authorizer; it is not imported</source>
        <translation>권한 부여자 &apos;%1&apos;은(는) JWT도 Lambda 권한 부여자도 아니어서 가져오지 않습니다</translation>
    </message>
    <message>
        <source>Cognito authorizer &apos;%1&apos; is not imported: Gatehouse emulates JWT and Lambda authorizers</source>
        <translation>Cognito 권한 부여자 &apos;%1&apos;은(는) 가져오지 않습니다: Gatehouse는 JWT와 Lambda 권한 부여자를 에뮬레이션합니다</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is not a Lambda authorizer; it is not imported</source>
        <translation>권한 부여자 &apos;%1&apos;은(는) Lambda 권한 부여자가 아니어서 가져오지 않습니다</translation>
    </message>
    <message>
        <source>a JWT authorizer on an HTTP API can check Cognito tokens locally</source>
        <translation>HTTP API의 JWT 권한 부여자로 Cognito 토큰을 로컬에서 확인할 수 있습니다</translation>
    </message>
    <message>
        <source>the authorizer&apos;s function is not in the template; authorizer &apos;%1&apos; is not imported</source>
        <translation>권한 부여자의 함수가 템플릿에 없어 권한 부여자 &apos;%1&apos;을(를) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the API definition is not beside the template; its routes are not imported</source>
        <translation>API 정의가 템플릿 옆에 없어 라우트를 가져오지 않습니다</translation>
    </message>
    <message>
        <source>import the OpenAPI file with --from openapi</source>
        <translation>--from openapi로 OpenAPI 파일을 가져오세요</translation>
    </message>
    <message>
        <source>cannot read the API definition %1</source>
        <translation>API 정의 %1을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>method settings for %1 %2 match no route; they are not imported</source>
        <translation>%1 %2에 대한 메서드 설정과 일치하는 라우트가 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>route settings for &apos;%1&apos; match no route; they are not imported</source>
        <translation>&apos;%1&apos;에 대한 라우트 설정과 일치하는 라우트가 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>event type %1 is not imported: Gatehouse triggers functions from HTTP, REST and WebSocket APIs, buckets, queues and schedules</source>
        <translation>이벤트 유형 %1은(는) 가져오지 않습니다: Gatehouse는 HTTP, REST, WebSocket API와 버킷, 대기열, 일정에서 함수를 실행합니다</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>event property %1 is not imported</source>
        <translation>이벤트 속성 %1은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the event&apos;s API is not a %1 in this template; the route is not imported</source>
        <translation>이벤트의 API가 이 템플릿의 %1이(가) 아니어서 라우트를 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the event needs both Path and Method; the route is not imported</source>
        <translation>이벤트에는 Path와 Method가 모두 필요합니다. 라우트를 가져오지 않습니다</translation>
    </message>
    <message>
        <source>IAM authorization is not emulated; the route is imported without it</source>
        <translation>IAM 권한 부여는 에뮬레이션하지 않습니다. 라우트를 권한 부여 없이 가져옵니다</translation>
    </message>
    <message>
        <source>authorizer &apos;%1&apos; is not declared by the API; the route is imported without it</source>
        <translation>API에 권한 부여자 &apos;%1&apos;이(가) 선언되어 있지 않습니다. 라우트를 권한 부여자 없이 가져옵니다</translation>
    </message>
    <message>
        <source>authorization scopes of a REST API route need Cognito; they are not imported</source>
        <translation>REST API 라우트의 권한 범위에는 Cognito가 필요해 가져오지 않습니다</translation>
    </message>
    <message>
        <source>a route has one authorizer in Gatehouse; the API key requirement of %1 %2 is not imported because it also has a Lambda authorizer</source>
        <translation>Gatehouse에서 라우트에는 권한 부여자가 하나뿐입니다. %1 %2에는 Lambda 권한 부여자도 있어 API 키 요구 사항은 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the API requires API keys but the template defines none; add keys to authorizer &apos;%1&apos;</source>
        <translation>API에 API 키가 필요하지만 템플릿에 정의된 키가 없습니다. 권한 부여자 &apos;%1&apos;에 키를 추가하세요</translation>
    </message>
    <message>
        <source>S3 events need a bucket defined in the same template; this one is not imported</source>
        <translation>S3 이벤트에는 같은 템플릿에 정의된 버킷이 필요합니다. 이 이벤트는 가져오지 않습니다</translation>
    </message>
    <message>
        <source>queue &apos;%1&apos; is not in the template; a local queue of that name is created</source>
        <translation>대기열 &apos;%1&apos;이(가) 템플릿에 없어 같은 이름의 로컬 대기열을 만듭니다</translation>
    </message>
    <message>
        <source>queue &apos;%1&apos; already triggers function &apos;%2&apos;; a Gatehouse queue feeds one function, so this trigger is not imported</source>
        <translation>대기열 &apos;%1&apos;은(는) 이미 함수 &apos;%2&apos;을(를) 실행합니다. Gatehouse 대기열은 함수 하나에만 전달하므로 이 트리거는 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the schedule has no expression; it is not imported</source>
        <translation>일정에 표현식이 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>Input is not JSON; it is imported as a string</source>
        <translation>Input이 JSON이 아니어서 문자열로 가져옵니다</translation>
    </message>
    <message>
        <source>ApiGatewayV2 API with ProtocolType &apos;%1&apos; is not imported</source>
        <translation>ProtocolType이 &apos;%1&apos;인 ApiGatewayV2 API는 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the authorizer&apos;s function is not in the template; it is not imported</source>
        <translation>권한 부여자의 함수가 템플릿에 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>authorizer type %1 is not imported</source>
        <translation>권한 부여자 유형 %1은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; has no integration in the template; it is not imported</source>
        <translation>라우트 &apos;%1&apos;에 템플릿의 통합이 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the integration&apos;s function is not in the template; its route is not imported</source>
        <translation>통합의 함수가 템플릿에 없어 라우트를 가져오지 않습니다</translation>
    </message>
    <message>
        <source>integration type %1 is not imported</source>
        <translation>통합 유형 %1은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the usage plan key links a key or plan that is not in the template; it is not imported</source>
        <translation>사용량 계획 키가 템플릿에 없는 키나 계획을 연결해 가져오지 않습니다</translation>
    </message>
    <message>
        <source>API key &apos;%1&apos; has no Value (AWS generates one) and no usage plan; it is not imported</source>
        <translation>API 키 &apos;%1&apos;에 Value(AWS가 생성)도 사용량 계획도 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>API key &apos;%1&apos; belongs to no usage plan in the template; it is not imported</source>
        <translation>API 키 &apos;%1&apos;이(가) 템플릿의 어떤 사용량 계획에도 속하지 않아 가져오지 않습니다</translation>
    </message>
    <message>
        <source>Swagger 2.0 documents are not supported</source>
        <translation>Swagger 2.0 문서는 지원되지 않습니다</translation>
    </message>
    <message>
        <source>convert it to OpenAPI 3 first (e.g. with swagger2openapi)</source>
        <translation>먼저 OpenAPI 3으로 변환하세요 (예: swagger2openapi 사용)</translation>
    </message>
    <message>
        <source>not an OpenAPI document: the &apos;openapi&apos; version field is missing</source>
        <translation>OpenAPI 문서가 아닙니다: &apos;openapi&apos; 버전 필드가 없습니다</translation>
    </message>
    <message>
        <source>OpenAPI version %1 is read as 3.0</source>
        <translation>OpenAPI 버전 %1은(는) 3.0으로 읽습니다</translation>
    </message>
    <message>
        <source>no routes were imported</source>
        <translation>가져온 라우트가 없습니다</translation>
    </message>
    <message>
        <source>external reference &apos;%1&apos; is not followed</source>
        <translation>외부 참조 &apos;%1&apos;은(는) 따라가지 않습니다</translation>
    </message>
    <message>
        <source>reference &apos;%1&apos; points nowhere</source>
        <translation>참조 &apos;%1&apos;이(가) 가리키는 대상이 없습니다</translation>
    </message>
    <message>
        <source>the Lambda integration has no uri; it is not imported</source>
        <translation>Lambda 통합에 uri가 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>cannot tell which function the uri %1 invokes; the integration is not imported</source>
        <translation>uri %1이(가) 어떤 함수를 호출하는지 알 수 없어 통합을 가져오지 않습니다</translation>
    </message>
    <message>
        <source>authorizer type &apos;%1&apos; is not imported: Gatehouse emulates JWT, Lambda and API-key authorizers</source>
        <translation>권한 부여자 유형 &apos;%1&apos;은(는) 가져오지 않습니다: Gatehouse는 JWT, Lambda, API 키 권한 부여자를 에뮬레이션합니다</translation>
    </message>
    <message>
        <source>API-key scheme &apos;%1&apos; is imported as an API-key authorizer without keys; OpenAPI does not hold key values</source>
        <translation>API 키 스킴 &apos;%1&apos;을(를) 키 없는 API 키 권한 부여자로 가져옵니다. OpenAPI에는 키 값이 없습니다</translation>
    </message>
    <message>
        <source>add keys to the authorizer in the project</source>
        <translation>프로젝트에서 권한 부여자에 키를 추가하세요</translation>
    </message>
    <message>
        <source>HTTP APIs on AWS have no API keys; consider a REST API or a Lambda authorizer</source>
        <translation>AWS의 HTTP API에는 API 키가 없습니다. REST API나 Lambda 권한 부여자를 고려하세요</translation>
    </message>
    <message>
        <source>security scheme &apos;%1&apos; (%2) is imported as a JWT authorizer; check its issuer and audience</source>
        <translation>보안 스킴 &apos;%1&apos;(%2)을(를) JWT 권한 부여자로 가져옵니다. 발급자와 대상을 확인하세요</translation>
    </message>
    <message>
        <source>security scheme &apos;%1&apos; of type &apos;%2&apos; is not imported</source>
        <translation>유형이 &apos;%2&apos;인 보안 스킴 &apos;%1&apos;은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>operation %1 %2 has no x-amazon-apigateway-integration; it is imported with a mock integration answering %3</source>
        <translation>작업 %1 %2에 x-amazon-apigateway-integration이 없어 %3(으)로 응답하는 모의 통합으로 가져옵니다</translation>
    </message>
    <message>
        <source>connect the route to a function in the project</source>
        <translation>프로젝트에서 라우트를 함수에 연결하세요</translation>
    </message>
    <message>
        <source>the non-proxy Lambda integration is imported as a proxy integration: mapping templates are not emulated</source>
        <translation>비프록시 Lambda 통합을 프록시 통합으로 가져옵니다: 매핑 템플릿은 에뮬레이션하지 않습니다</translation>
    </message>
    <message>
        <source>the non-proxy HTTP integration is imported as a proxy integration: mapping templates are not emulated</source>
        <translation>비프록시 HTTP 통합을 프록시 통합으로 가져옵니다: 매핑 템플릿은 에뮬레이션하지 않습니다</translation>
    </message>
    <message>
        <source>the VPC link of the integration is not imported; the uri is called directly</source>
        <translation>통합의 VPC 링크는 가져오지 않습니다. uri를 직접 호출합니다</translation>
    </message>
    <message>
        <source>integration type &apos;%1&apos; is not imported</source>
        <translation>통합 유형 &apos;%1&apos;은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>alternative security requirements are not imported; the first one is used</source>
        <translation>대체 보안 요구 사항은 가져오지 않습니다. 첫 번째 것을 사용합니다</translation>
    </message>
    <message>
        <source>a route has one authorizer in Gatehouse; only &apos;%1&apos; is imported</source>
        <translation>Gatehouse에서 라우트에는 권한 부여자가 하나뿐입니다. &apos;%1&apos;만 가져옵니다</translation>
    </message>
    <message>
        <source>the document has no paths</source>
        <translation>문서에 paths가 없습니다</translation>
    </message>
    <message>
        <source>API keys from a Lambda authorizer are not emulated; clients send them in x-api-key</source>
        <translation>Lambda 권한 부여자가 제공하는 API 키는 에뮬레이션하지 않습니다. 클라이언트가 x-api-key로 보냅니다</translation>
    </message>
    <message>
        <source>the collection does not declare the v2.1.0 or v2.0.0 schema; it is read as v2.1</source>
        <translation>컬렉션에 v2.1.0 또는 v2.0.0 스키마 선언이 없어 v2.1로 읽습니다</translation>
    </message>
    <message>
        <source>collection-level auth is not imported; add the header to each request</source>
        <translation>컬렉션 수준의 인증은 가져오지 않습니다. 요청마다 헤더를 추가하세요</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>컬렉션</translation>
    </message>
    <message>
        <source>the pre-request script of the %1 is not imported</source>
        <translation>%1의 사전 요청 스크립트는 가져오지 않습니다</translation>
    </message>
    <message>
        <source>request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>the test script of the %1 is not imported</source>
        <translation>%1의 테스트 스크립트는 가져오지 않습니다</translation>
    </message>
    <message>
        <source>folders nest deeper than %1 levels; the rest is not imported</source>
        <translation>폴더 중첩이 %1단계를 넘습니다. 나머지는 가져오지 않습니다</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>요청 %1</translation>
    </message>
    <message>
        <source>folder &apos;%1&apos;</source>
        <translation>폴더 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>folder-level auth is not imported</source>
        <translation>폴더 수준의 인증은 가져오지 않습니다</translation>
    </message>
    <message>
        <source>item &apos;%1&apos; has no request; it is not imported</source>
        <translation>항목 &apos;%1&apos;에 요청이 없어 가져오지 않습니다</translation>
    </message>
    <message>
        <source>test &apos;%1&apos; is not imported: no Gatehouse assertion expresses it</source>
        <translation>테스트 &apos;%1&apos;은(는) 가져오지 않습니다: 이를 표현하는 Gatehouse 검증이 없습니다</translation>
    </message>
    <message>
        <source>disabled header &apos;%1&apos; is not imported</source>
        <translation>비활성화된 헤더 &apos;%1&apos;은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>GraphQL variables are not JSON; they are not imported</source>
        <translation>GraphQL 변수가 JSON이 아니어서 가져오지 않습니다</translation>
    </message>
    <message>
        <source>a &apos;%1&apos; body is not imported: saved requests hold text bodies</source>
        <translation>&apos;%1&apos; 본문은 가져오지 않습니다: 저장된 요청에는 텍스트 본문만 담깁니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; auth is not imported; add the header it sends to the request</source>
        <translation>&apos;%1&apos; 인증은 가져오지 않습니다. 이 인증이 보내는 헤더를 요청에 추가하세요</translation>
    </message>
    <message>
        <source>disabled variable &apos;%1&apos; is not imported</source>
        <translation>비활성화된 변수 &apos;%1&apos;은(는) 가져오지 않습니다</translation>
    </message>
    <message>
        <source>neither a Postman collection (info, item) nor a Postman environment (values)</source>
        <translation>Postman 컬렉션(info, item)도 Postman 환경(values)도 아닙니다</translation>
    </message>
    <message>
        <source>export the collection from Postman as Collection v2.1</source>
        <translation>Postman에서 컬렉션을 Collection v2.1로 내보내세요</translation>
    </message>
    <message>
        <source>only environments were imported; add a collection to import requests</source>
        <translation>환경만 가져왔습니다. 요청을 가져오려면 컬렉션을 추가하세요</translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>가져올 것이 없습니다</translation>
    </message>
    <message>
        <source>only one %1 file is imported at a time; this one is ignored</source>
        <translation>%1 파일은 한 번에 하나만 가져옵니다. 이 파일은 무시합니다</translation>
    </message>
    <message>
        <source>not an AWS SAM template, an OpenAPI document or a Postman collection</source>
        <translation>AWS SAM 템플릿, OpenAPI 문서, Postman 컬렉션 중 어느 것도 아닙니다</translation>
    </message>
    <message>
        <source>SAM templates have Resources, OpenAPI documents an openapi field, Postman collections an info.schema naming getpostman.com</source>
        <translation>SAM 템플릿에는 Resources가, OpenAPI 문서에는 openapi 필드가, Postman 컬렉션에는 getpostman.com을 가리키는 info.schema가 있습니다</translation>
    </message>
    <message>
        <source>only SQS dead-letter queues are imported</source>
        <translation>SQS 배달 못한 편지 대기열만 가져옵니다</translation>
    </message>
    <message>
        <source>destination queue &apos;%1&apos; is not in the template; create it in the project to use it</source>
        <translation>대상 대기열 &apos;%1&apos;이(가) 템플릿에 없습니다. 사용하려면 프로젝트에 만드세요</translation>
    </message>
    <message>
        <source>destination function &apos;%1&apos; is not in the template; create it in the project to use it</source>
        <translation>대상 함수 &apos;%1&apos;이(가) 템플릿에 없습니다. 사용하려면 프로젝트에 만드세요</translation>
    </message>
    <message>
        <source>only SQS and Lambda destinations are imported; &apos;%1&apos; is left out</source>
        <translation>SQS와 Lambda 대상만 가져옵니다. &apos;%1&apos;은(는) 제외됩니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportDialog</name>
    <message>
        <source>B&amp;rowse…</source>
        <translation>찾아보기(&amp;R)…</translation>
    </message>
    <message>
        <source>Import Project</source>
        <translation>프로젝트 가져오기</translation>
    </message>
    <message>
        <source>An AWS SAM template, OpenAPI document or Postman collection</source>
        <translation>AWS SAM 템플릿, OpenAPI 문서 또는 Postman 컬렉션</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <source>AWS SAM template</source>
        <translation>AWS SAM 템플릿</translation>
    </message>
    <message>
        <source>OpenAPI 3.0 or 3.1 document</source>
        <translation>OpenAPI 3.0 또는 3.1 문서</translation>
    </message>
    <message>
        <source>Postman collection</source>
        <translation>Postman 컬렉션</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>파일(&amp;F):</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>형식(&amp;O):</translation>
    </message>
    <message>
        <source>Environments:</source>
        <translation>환경:</translation>
    </message>
    <message>
        <source>Project &amp;name:</source>
        <translation>프로젝트 이름(&amp;N):</translation>
    </message>
    <message>
        <source>The new project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <source>Everything in the file can be imported.</source>
        <translation>파일의 모든 내용을 가져올 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <source>Detect automatically: %1</source>
        <translation>자동 감지: %1</translation>
    </message>
    <message>
        <source>Detect automatically: not recognised</source>
        <translation>자동 감지: 알 수 없는 형식</translation>
    </message>
    <message numerus="yes">
        <source>Also import the %n environment(s) beside it: %1</source>
        <translation>
            <numerusform>옆에 있는 환경 %n개도 가져오기: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>가져올 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Nothing can be imported until the errors are fixed.</source>
        <translation>오류를 고치기 전에는 아무것도 가져올 수 없습니다.</translation>
    </message>
    <message>
        <source>Import File</source>
        <translation>가져올 파일</translation>
    </message>
    <message>
        <source>Templates, API documents and collections (*.yaml *.yml *.json);;All files (*)</source>
        <translation>템플릿, API 문서, 컬렉션 (*.yaml *.yml *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Project Folder</source>
        <translation>프로젝트 폴더</translation>
    </message>
    <message>
        <source>Replace Project?</source>
        <translation>프로젝트를 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>“%1” already holds a Gatehouse project. Replace it with the imported project? Code files the import brings replace those at the same paths.</source>
        <translation>“%1”에 이미 Gatehouse 프로젝트가 있습니다. 가져온 프로젝트로 바꾸시겠습니까? 가져오는 코드 파일이 같은 경로의 파일을 대신합니다.</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <source>Gatehouse could not create the project in “%1”:

%2</source>
        <translation>Gatehouse가 “%1”에 프로젝트를 만들지 못했습니다:

%2</translation>
    </message>
    <message>
        <source>Imported %1 into %2: %3 (%4).</source>
        <translation>%1을(를) %2에 가져왔습니다: %3 (%4).</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>경고 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing file(s) with other contents were kept.</source>
        <translation>
            <numerusform>내용이 다른 기존 파일 %n개는 그대로 두었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>찾아보기(&amp;W)…</translation>
    </message>
    <message>
        <source>Project fol&amp;der:</source>
        <translation>프로젝트 폴더(&amp;D):</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportFiles</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation>파일을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the project file could not be written</source>
        <translation>프로젝트 파일을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportSummary</name>
    <message numerus="yes">
        <source>%n function(s)</source>
        <translation>
            <numerusform>함수 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n API(s)</source>
        <translation>
            <numerusform>API %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>라우트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n authorizer(s)</source>
        <translation>
            <numerusform>권한 부여자 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bucket(s)</source>
        <translation>
            <numerusform>버킷 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queue(s)</source>
        <translation>
            <numerusform>대기열 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schedule(s)</source>
        <translation>
            <numerusform>일정 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved request(s)</source>
        <translation>
            <numerusform>저장된 요청 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n environment(s)</source>
        <translation>
            <numerusform>환경 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>가져올 것이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n code file(s)</source>
        <translation>
            <numerusform>코드 파일 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n placeholder(s)</source>
        <translation>
            <numerusform>자리 표시자 %n개</numerusform>
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
        <translation>로그에서 보기</translation>
    </message>
    <message>
        <source>Filter the Logs dock by this request id</source>
        <translation>이 요청 ID로 로그 도크를 필터링합니다</translation>
    </message>
    <message>
        <source>The invocation&apos;s log lines</source>
        <translation>호출의 로그 줄</translation>
    </message>
    <message>
        <source>Pick a function and an event, then Invoke.</source>
        <translation>함수와 이벤트를 고른 다음 호출하세요.</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>요청 ID: %1</translation>
    </message>
    <message>
        <source>Accepted (%1): %2 runs asynchronously; its result follows.</source>
        <translation>수락됨 (%1): %2은(는) 비동기로 실행되며 결과는 뒤이어 표시됩니다.</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Function error (%1): %2: %3</source>
        <translation>함수 오류 (%1): %2: %3</translation>
    </message>
    <message>
        <source>Succeeded (asynchronous, attempt %1)</source>
        <translation>성공 (비동기, 시도 %1)</translation>
    </message>
    <message>
        <source>Succeeded (%1)</source>
        <translation>성공 (%1)</translation>
    </message>
    <message>
        <source>Duration %1</source>
        <translation>실행 시간 %1</translation>
    </message>
    <message>
        <source>Billed %1 ms</source>
        <translation>청구 시간 %1 ms</translation>
    </message>
    <message>
        <source>Memory %1 MB, max used %2 MB</source>
        <translation>메모리 %1 MB, 최대 사용 %2 MB</translation>
    </message>
    <message>
        <source>Init %1 (cold start)</source>
        <translation>초기화 %1 (콜드 스타트)</translation>
    </message>
</context>
<context>
    <name>gatehouse::Invoker</name>
    <message>
        <source>runtime &apos;%1&apos; is not supported by this build yet</source>
        <translation>이 빌드는 아직 런타임 &apos;%1&apos;을(를) 지원하지 않습니다</translation>
    </message>
    <message>
        <source>the runtime bootstrap files are missing from this build</source>
        <translation>이 빌드에 런타임 부트스트랩 파일이 없습니다</translation>
    </message>
    <message>
        <source>cannot write the runtime bootstrap files to %1 or %2</source>
        <translation>런타임 부트스트랩 파일을 %1이나 %2에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Asynchronous invocation failed (attempt %1 of %2): %3; retrying in %4 ms</source>
        <translation>비동기 호출 실패 (시도 %1/%2): %3. %4 ms 후 다시 시도합니다</translation>
    </message>
    <message>
        <source>Asynchronous invocation failed (attempt %1 of %2): %3; the event would exceed the maximum event age of %4 s before the next attempt and is discarded</source>
        <translation>비동기 호출 실패 (시도 %1/%2): %3. 다음 시도 전에 최대 이벤트 수명 %4초를 넘으므로 이벤트를 버립니다</translation>
    </message>
    <message>
        <source>Asynchronous invocation failed (attempt %1 of %2): %3; no retries left, the event is discarded</source>
        <translation>비동기 호출 실패 (시도 %1/%2): %3. 남은 재시도가 없어 이벤트를 버립니다</translation>
    </message>
    <message>
        <source>Asynchronous event discarded unrun: older than the maximum event age</source>
        <translation>비동기 이벤트를 실행하지 않고 버렸습니다: 최대 이벤트 수명보다 오래되었습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::JsModuleLoader</name>
    <message>
        <source> (Node.js built-in modules are not available in the embedded javascript runtime; switch the function to the nodejs20.x runtime)</source>
        <translation> (내장 javascript 런타임에서는 Node.js 기본 모듈을 쓸 수 없습니다. 함수를 nodejs20.x 런타임으로 바꾸세요)</translation>
    </message>
    <message>
        <source>Error: Cannot find module &apos;%1&apos; (looked for %1.js, %1.mjs and %1.cjs in %2)</source>
        <translation>Error: 모듈 &apos;%1&apos;을(를) 찾을 수 없습니다 (%2에서 %1.js, %1.mjs, %1.cjs를 찾았습니다)</translation>
    </message>
</context>
<context>
    <name>gatehouse::KeyValueTable</name>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Remove Row</source>
        <translation>행 제거</translation>
    </message>
    <message>
        <source>Send this row</source>
        <translation>이 행을 보냅니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::LoadTestDialog</name>
    <message>
        <source>&amp;Duration</source>
        <translation>실행 시간(&amp;D)</translation>
    </message>
    <message>
        <source>Cou&amp;nt</source>
        <translation>요청 수(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Load Test</source>
        <translation>부하 테스트</translation>
    </message>
    <message>
        <source>Requests in flight at once, each on a kept-alive connection of its own</source>
        <translation>동시에 처리 중인 요청 수입니다. 요청마다 keep-alive 연결을 따로 씁니다</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source> requests</source>
        <translation>건</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>A request without a complete response by then counts as timed out</source>
        <translation>그때까지 응답을 모두 받지 못한 요청은 시간 초과로 셉니다</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>요청(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>환경(&amp;E):</translation>
    </message>
    <message>
        <source>C&amp;oncurrency:</source>
        <translation>동시성(&amp;O):</translation>
    </message>
    <message>
        <source>Run for:</source>
        <translation>실행 기준:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>제한 시간(&amp;T):</translation>
    </message>
    <message>
        <source>The local cloud did not start: %1</source>
        <translation>로컬 클라우드가 시작되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>The local cloud stopped during the run.</source>
        <translation>실행 중에 로컬 클라우드가 중지되었습니다.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>The project has no saved requests: save one from the request composer first.</source>
        <translation>프로젝트에 저장된 요청이 없습니다. 먼저 요청 작성기에서 요청을 저장하세요.</translation>
    </message>
    <message>
        <source>Starting the local cloud…</source>
        <translation>로컬 클라우드를 시작하는 중…</translation>
    </message>
    <message>
        <source>The local cloud could not be started: save the project first (see the Run panel).</source>
        <translation>로컬 클라우드를 시작할 수 없습니다: 먼저 프로젝트를 저장하세요 (실행 패널 참조).</translation>
    </message>
    <message>
        <source>The chosen request is no longer in the project.</source>
        <translation>선택한 요청이 더 이상 프로젝트에 없습니다.</translation>
    </message>
    <message>
        <source>No value for {{%1}} in “%2”: choose another environment.</source>
        <translation>“%2”에 {{%1}}의 값이 없습니다. 다른 환경을 선택하세요.</translation>
    </message>
    <message>
        <source>Sending %1 %2…</source>
        <translation>%1 %2 보내는 중…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 s, %2 requests</source>
        <translation>%1초, 요청 %2건</translation>
    </message>
    <message>
        <source>Reading what the local cloud recorded…</source>
        <translation>로컬 클라우드가 기록한 내용을 읽는 중…</translation>
    </message>
    <message>
        <source>No cost projection: the local cloud stopped.</source>
        <translation>비용 예측 없음: 로컬 클라우드가 중지되었습니다.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>완료했습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::LoadTestResultsView</name>
    <message>
        <source>Latency</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>No results yet: choose a request and press Start.</source>
        <translation>아직 결과가 없습니다. 요청을 선택하고 시작을 누르세요.</translation>
    </message>
    <message>
        <source>%1 requests in %2 s with %3 connections: %4 requests/s.</source>
        <translation>요청 %1건, %2초, 연결 %3개: %4건/초.</translation>
    </message>
    <message>
        <source>Cancelled after %1 sent.</source>
        <translation>%1건을 보낸 후 취소했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) got no response; the first: %1</source>
        <translation>
            <numerusform>요청 %n건이 응답을 받지 못했습니다. 첫 번째: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Projected cost: %1 %2 a month at %3 requests/s (list prices, no free tier).</source>
        <translation>예상 비용: 초당 %3건 기준 월 %1 %2 (정가, 프리 티어 제외).</translation>
    </message>
    <message>
        <source>Route: %1.</source>
        <translation>라우트: %1.</translation>
    </message>
    <message>
        <source>No function was invoked.</source>
        <translation>호출된 함수가 없습니다.</translation>
    </message>
    <message>
        <source>Function: %1.</source>
        <translation>함수: %1.</translation>
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
        <translation>관리 엔드포인트: %1</translation>
    </message>
    <message>
        <source>S3 endpoint: %1</source>
        <translation>S3 엔드포인트: %1</translation>
    </message>
    <message>
        <source>SQS endpoint: %1</source>
        <translation>SQS 엔드포인트: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::LocalGateway</name>
    <message>
        <source>refused a request: %1 %2</source>
        <translation>요청을 거부했습니다: %1 %2</translation>
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
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::LogConsole</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Show one function or API only</source>
        <translation>함수 또는 API 하나만 표시합니다</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>모든 소스</translation>
    </message>
    <message>
        <source>Show lines of this level and above</source>
        <translation>이 수준 이상의 줄을 표시합니다</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>모든 수준</translation>
    </message>
    <message>
        <source>DEBUG and above</source>
        <translation>DEBUG 이상</translation>
    </message>
    <message>
        <source>INFO and above</source>
        <translation>INFO 이상</translation>
    </message>
    <message>
        <source>WARN and above</source>
        <translation>WARN 이상</translation>
    </message>
    <message>
        <source>ERROR and above</source>
        <translation>ERROR 이상</translation>
    </message>
    <message>
        <source>FATAL</source>
        <translation>FATAL</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>요청 ID</translation>
    </message>
    <message>
        <source>A Lambda request id or an API&apos;s request id: shows that request&apos;s lines</source>
        <translation>Lambda 요청 ID 또는 API의 요청 ID: 해당 요청의 줄을 표시합니다</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>메시지 필터링</translation>
    </message>
    <message>
        <source>Match the filter as a regular expression</source>
        <translation>필터를 정규식으로 적용합니다</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <source>Keep the newest line in view while the view is scrolled to the bottom</source>
        <translation>보기가 맨 아래로 스크롤되어 있는 동안 최신 줄을 계속 표시합니다</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Remove the lines shown so far; new lines keep arriving</source>
        <translation>지금까지 표시된 줄을 지웁니다. 새 줄은 계속 들어옵니다</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Save the lines the filter shows</source>
        <translation>필터에 표시된 줄을 저장합니다</translation>
    </message>
    <message>
        <source>As Text…</source>
        <translation>텍스트로…</translation>
    </message>
    <message>
        <source>As JSON Lines…</source>
        <translation>JSON Lines로…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln줄</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln line(s)</source>
        <translation>
            <numerusform>%Ln줄 중 %1줄</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Log as Text</source>
        <translation>로그를 텍스트로 내보내기</translation>
    </message>
    <message>
        <source>Export Log as JSON Lines</source>
        <translation>로그를 JSON Lines로 내보내기</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <translation>텍스트 파일 (*.txt *.log)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>로그 내보내기</translation>
    </message>
</context>
<context>
    <name>gatehouse::LogTableModel</name>
    <message>
        <source>Invalid regular expression at position %1: %2</source>
        <translation>정규식이 잘못되었습니다 (위치 %1): %2</translation>
    </message>
    <message>
        <source>Click to show only this request&apos;s lines</source>
        <translation>클릭하면 이 요청의 줄만 표시합니다</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>요청 ID</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>수준</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
</context>
<context>
    <name>gatehouse::MainWindow</name>
    <message>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>새 프로젝트(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;Function</source>
        <translation>함수 추가(&amp;F)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>이름 바꾸기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>Gatehouse 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>%1[*] — Gatehouse</source>
        <translation>%1[*] — Gatehouse</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Create a project from an AWS SAM template, an OpenAPI document or a Postman collection</source>
        <translation>AWS SAM 템플릿, OpenAPI 문서 또는 Postman 컬렉션으로 프로젝트를 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the project as an AWS SAM template, OpenAPI documents, serverless.yml or a Postman collection</source>
        <translation>프로젝트를 AWS SAM 템플릿, OpenAPI 문서, serverless.yml 또는 Postman 컬렉션으로 씁니다</translation>
    </message>
    <message>
        <source>%1 It was not opened.</source>
        <translation>%1 프로젝트는 열지 않았습니다.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>디자인</translation>
    </message>
    <message>
        <source>Saved %1; function %2 reloads for its next invocation</source>
        <translation>%1을(를) 저장했습니다. 함수 %2은(는) 다음 호출부터 새 코드를 불러옵니다</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>팔레트</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run Locally</source>
        <translation>로컬에서 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Serve the project&apos;s APIs and functions on this machine, as gatehouse serve does</source>
        <translation>gatehouse serve처럼 프로젝트의 API와 함수를 이 컴퓨터에서 제공합니다</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Running locally: %n endpoint(s)</source>
        <translation>
            <numerusform>로컬에서 실행 중: 엔드포인트 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>실행하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Not applied:
%1</source>
        <translation>적용되지 않음:
%1</translation>
    </message>
    <message>
        <source>Save the project first: its functions&apos; code lives in its folder.</source>
        <translation>먼저 프로젝트를 저장하세요: 함수 코드는 프로젝트 폴더에 있습니다.</translation>
    </message>
    <message>
        <source>Save the project first: a function&apos;s code lives in the project folder.</source>
        <translation>먼저 프로젝트를 저장하세요: 함수의 코드는 프로젝트 폴더에 저장됩니다.</translation>
    </message>
    <message>
        <source>Wrote a starter handler for %1 to %2</source>
        <translation>%1의 시작용 핸들러를 %2에 작성했습니다</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>컬렉션</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>&amp;Load Test…</source>
        <translation>부하 테스트(&amp;L)…</translation>
    </message>
    <message>
        <source>Send a saved request from many connections at once and see latency, throughput and what it would cost</source>
        <translation>저장된 요청을 여러 연결에서 동시에 보내고 지연 시간, 처리량, 예상 비용을 확인합니다</translation>
    </message>
    <message>
        <source>New &amp;Request</source>
        <translation>새 요청(&amp;R)</translation>
    </message>
    <message>
        <source>Compose an HTTP request and send it to the running project or any URL</source>
        <translation>HTTP 요청을 작성해 실행 중인 프로젝트나 임의의 URL로 보냅니다</translation>
    </message>
    <message>
        <source>Buckets</source>
        <translation>버킷</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>트리거</translation>
    </message>
</context>
<context>
    <name>gatehouse::NameField</name>
    <message>
        <source>A %1 needs a name.</source>
        <translation>%1에는 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>There is already a %1 named “%2”.</source>
        <translation>이름이 “%2”인 %1이(가) 이미 있습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::NewNodes</name>
    <message>
        <source>Route</source>
        <translation>라우트</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Authorizer</source>
        <translation>권한 부여자</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>버킷</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>An HTTP API: low-latency proxy to functions and URLs, JWT authorizers</source>
        <translation>HTTP API: 함수와 URL로 연결되는 지연 시간이 짧은 프록시, JWT 권한 부여자</translation>
    </message>
    <message>
        <source>A REST API: API keys and usage plans, binary media types</source>
        <translation>REST API: API 키와 사용량 계획, 바이너리 미디어 유형</translation>
    </message>
    <message>
        <source>A WebSocket API: $connect, $disconnect and message routes</source>
        <translation>WebSocket API: $connect, $disconnect 및 메시지 라우트</translation>
    </message>
    <message>
        <source>A route of an API: drop it onto the API it belongs to</source>
        <translation>API의 라우트: 속할 API 위에 놓으세요</translation>
    </message>
    <message>
        <source>A Lambda function with a starter handler</source>
        <translation>시작용 핸들러가 포함된 Lambda 함수</translation>
    </message>
    <message>
        <source>A JWT, Lambda or API-key authorizer: wire it to the routes it protects</source>
        <translation>JWT, Lambda 또는 API 키 권한 부여자: 보호할 라우트에 연결하세요</translation>
    </message>
    <message>
        <source>An S3-style bucket whose uploads can invoke functions</source>
        <translation>업로드로 함수를 호출할 수 있는 S3 방식 버킷</translation>
    </message>
    <message>
        <source>An EventBridge schedule (rate or cron) that invokes a function</source>
        <translation>함수를 호출하는 EventBridge 일정 (rate 또는 cron)</translation>
    </message>
    <message>
        <source>An SQS-style queue that feeds a function in batches</source>
        <translation>함수에 메시지를 배치로 전달하는 SQS 방식 대기열</translation>
    </message>
    <message>
        <source>Add an API first, then drop the route onto it.</source>
        <translation>먼저 API를 추가한 다음 라우트를 그 위에 놓으세요.</translation>
    </message>
    <message>
        <source>Add %1 “%2”</source>
        <translation>%1 “%2” 추가</translation>
    </message>
</context>
<context>
    <name>gatehouse::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>A new language is applied the next time you start Gatehouse.</source>
        <translation>새 언어는 Gatehouse를 다음에 시작할 때 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectDocument</name>
    <message>
        <source>the project has no folder yet; use Save As</source>
        <translation>프로젝트에 아직 폴더가 없습니다. 다른 이름으로 저장을 사용하세요</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Simulated account</source>
        <translation>시뮬레이션 계정</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>리전</translation>
    </message>
    <message>
        <source>e.g. us-east-1</source>
        <translation>예: us-east-1</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>계정 ID</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12자리 숫자</translation>
    </message>
    <message>
        <source>Billing granularity</source>
        <translation>청구 단위</translation>
    </message>
    <message>
        <source>1 ms (AWS since December 2020)</source>
        <translation>1 ms (2020년 12월 이후 AWS)</translation>
    </message>
    <message>
        <source>100 ms (classic billing)</source>
        <translation>100 ms (이전 청구 방식)</translation>
    </message>
    <message>
        <source>Local engine</source>
        <translation>로컬 엔진</translation>
    </message>
    <message>
        <source>Concurrency limit</source>
        <translation>동시 실행 한도</translation>
    </message>
    <message>
        <source> environments</source>
        <translation>개 환경</translation>
    </message>
    <message>
        <source>How many execution environments may run at once across the project</source>
        <translation>프로젝트 전체에서 동시에 실행할 수 있는 실행 환경 수</translation>
    </message>
    <message>
        <source>Idle environments kept</source>
        <translation>유휴 환경 유지 시간</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>A warm environment that has been idle this long is shut down</source>
        <translation>이 시간 동안 유휴 상태인 웜 환경은 종료됩니다</translation>
    </message>
    <message>
        <source>Async retry delay</source>
        <translation>비동기 재시도 대기</translation>
    </message>
    <message>
        <source>The wait before the first retry of a failed asynchronous invocation; the second waits twice as long. Lambda waits 60 s; a few seconds suit local work.</source>
        <translation>실패한 비동기 호출을 처음 재시도하기 전의 대기 시간입니다. 두 번째 재시도는 두 배를 기다립니다. Lambda는 60초를 기다리며, 로컬 작업에는 몇 초가 알맞습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectSession</name>
    <message>
        <source>Untitled project</source>
        <translation>제목 없는 프로젝트</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>Cannot Open Project</source>
        <translation>프로젝트를 열 수 없음</translation>
    </message>
    <message>
        <source>Gatehouse could not open “%1”:

%2

The Diagnostics panel lists the details.</source>
        <translation>Gatehouse가 “%1”을(를) 열지 못했습니다:

%2

자세한 내용은 진단 패널에 있습니다.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Gatehouse projects (gatehouse.json);;All files (*)</source>
        <translation>Gatehouse 프로젝트 (gatehouse.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Save Project in Folder</source>
        <translation>프로젝트를 저장할 폴더 선택</translation>
    </message>
    <message>
        <source>Replace Project?</source>
        <translation>프로젝트를 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>“%1” already holds a Gatehouse project. Replace its gatehouse.json with this project?</source>
        <translation>“%1”에 이미 Gatehouse 프로젝트가 있습니다. 그 gatehouse.json을 이 프로젝트로 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Do you want to save the changes you made to “%1”?

Your changes are lost if you do not save them.</source>
        <translation>“%1”의 변경 사항을 저장하시겠습니까?

저장하지 않으면 변경 사항이 사라집니다.</translation>
    </message>
    <message>
        <source>Replace Invalid Values?</source>
        <translation>잘못된 값을 바꾸시겠습니까?</translation>
    </message>
    <message numerus="yes">
        <source>Saving will replace %n invalid value(s) in the project file with the defaults Gatehouse used instead. The Diagnostics panel lists them.

Save anyway?</source>
        <translation>
            <numerusform>저장하면 프로젝트 파일의 잘못된 값 %n개가 Gatehouse가 대신 사용한 기본값으로 바뀝니다. 진단 패널에서 목록을 볼 수 있습니다.

그래도 저장하시겠습니까?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Save Project</source>
        <translation>프로젝트를 저장할 수 없음</translation>
    </message>
    <message>
        <source>The project could not be saved:

%1</source>
        <translation>프로젝트를 저장하지 못했습니다:

%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProjectTreeModel</name>
    <message>
        <source>(unnamed)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <source>A %1 needs a name.</source>
        <translation>%1에는 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>There is already a %1 named “%2”.</source>
        <translation>이름이 “%2”인 %1이(가) 이미 있습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::PropertyEditor</name>
    <message>
        <source>Select a part of the project in the tree or on the canvas to edit its properties.</source>
        <translation>속성을 편집하려면 트리나 캔버스에서 프로젝트의 항목을 선택하세요.</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Project settings</source>
        <translation>프로젝트 설정</translation>
    </message>
    <message>
        <source>Function “%1”</source>
        <translation>함수 “%1”</translation>
    </message>
    <message>
        <source>API “%1”</source>
        <translation>API “%1”</translation>
    </message>
    <message>
        <source>Route “%1” of %2</source>
        <translation>%2의 라우트 “%1”</translation>
    </message>
    <message>
        <source>Stage “%1” of %2</source>
        <translation>%2의 스테이지 “%1”</translation>
    </message>
    <message>
        <source>Authorizer “%1”</source>
        <translation>권한 부여자 “%1”</translation>
    </message>
    <message>
        <source>Bucket “%1”</source>
        <translation>버킷 “%1”</translation>
    </message>
    <message>
        <source>Schedule “%1”</source>
        <translation>일정 “%1”</translation>
    </message>
    <message>
        <source>Queue “%1”</source>
        <translation>대기열 “%1”</translation>
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
        <translation>%2 “%3”의 “%1” 변경</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>속도 한도</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>제한</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation>건/초</translation>
    </message>
    <message>
        <source>Burst limit</source>
        <translation>버스트 한도</translation>
    </message>
    <message>
        <source> requests</source>
        <translation>건</translation>
    </message>
</context>
<context>
    <name>gatehouse::QueueForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>FIFO (ordered, exactly once)</source>
        <translation>FIFO (순서 보장, 정확히 한 번 처리)</translation>
    </message>
    <message>
        <source>Visibility timeout</source>
        <translation>표시 제한 시간</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>보존 기간</translation>
    </message>
    <message>
        <source>60 s to 1,209,600 s (14 days); the default is 345,600 s (4 days).</source>
        <translation>60초~1,209,600초(14일). 기본값은 345,600초(4일)입니다.</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>배달 못한 편지 대기열</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Max receives</source>
        <translation>최대 수신 횟수</translation>
    </message>
    <message>
        <source>Receives before a message moves to the dead-letter queue</source>
        <translation>메시지가 배달 못한 편지 대기열로 옮겨지기 전까지의 수신 횟수</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>트리거</translation>
    </message>
    <message>
        <source>Invoke a function with the messages</source>
        <translation>메시지로 함수 호출</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source> messages</source>
        <translation>개 메시지</translation>
    </message>
    <message>
        <source>Batching window</source>
        <translation>배치 기간</translation>
    </message>
    <message>
        <source>Report batch item failures</source>
        <translation>배치 항목 실패 보고</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>사용</translation>
    </message>
</context>
<context>
    <name>gatehouse::RecentProjectsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 프로젝트 열기(&amp;R)</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>최근 프로젝트 없음</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>gatehouse::RecordTable</name>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
</context>
<context>
    <name>gatehouse::RenameEntityCommand</name>
    <message>
        <source>Rename %1 “%2” to “%3”</source>
        <translation>%1 “%2”의 이름을 “%3”(으)로 바꾸기</translation>
    </message>
</context>
<context>
    <name>gatehouse::RequestHistory</name>
    <message>
        <source>Cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ResponseView</name>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>원시</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message numerus="yes">
        <source>%n B</source>
        <translation>
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
        <translation>아직 보낸 요청이 없습니다</translation>
    </message>
    <message>
        <source>Sending %1 %2…</source>
        <translation>%1 %2 보내는 중…</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>응답 없음</translation>
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
        <translation>메서드</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>/items/{id}, /files/{proxy+} or $default</source>
        <translation>/items/{id}, /files/{proxy+} 또는 $default</translation>
    </message>
    <message>
        <source>Route key</source>
        <translation>라우트 키</translation>
    </message>
    <message>
        <source>$connect, $disconnect, $default or an action</source>
        <translation>$connect, $disconnect, $default 또는 작업 이름</translation>
    </message>
    <message>
        <source>Send the integration&apos;s result back to the client</source>
        <translation>통합 결과를 클라이언트에 돌려보내기</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>통합</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Lambda function</source>
        <translation>Lambda 함수</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP 프록시</translation>
    </message>
    <message>
        <source>Mock response</source>
        <translation>모의 응답</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>페이로드 형식</translation>
    </message>
    <message>
        <source>API default</source>
        <translation>API 기본값</translation>
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
        <translation>요청과 동일</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP 메서드</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>상태 코드</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>응답 헤더</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>제한 시간</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>직접 지정</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Without a custom timeout: 30 s on HTTP APIs, 29 s on REST and WebSocket APIs.</source>
        <translation>직접 지정하지 않으면 HTTP API는 30초, REST와 WebSocket API는 29초입니다.</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>액세스</translation>
    </message>
    <message>
        <source>Authorizer</source>
        <translation>권한 부여자</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>JWT scopes, comma-separated</source>
        <translation>JWT 범위, 쉼표로 구분</translation>
    </message>
</context>
<context>
    <name>gatehouse::RunPanel</name>
    <message>
        <source>Endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Could not start:
%1</source>
        <translation>시작하지 못했습니다:
%1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Running on this machine (127.0.0.1)</source>
        <translation>이 컴퓨터에서 실행 중 (127.0.0.1)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>%1을(를) 클립보드에 복사</translation>
    </message>
    <message>
        <source>Lambda Invoke API</source>
        <translation>Lambda Invoke API</translation>
    </message>
    <message>
        <source>Invoke</source>
        <translation>호출</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Buckets</source>
        <translation>버킷</translation>
    </message>
    <message>
        <source>S3 API</source>
        <translation>S3 API</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>대기열</translation>
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
        <translation>이벤트 이름을 지정하세요.</translation>
    </message>
    <message>
        <source>An event name has at most %1 characters.</source>
        <translation>이벤트 이름은 최대 %1자입니다.</translation>
    </message>
    <message>
        <source>An event name may use letters, digits, dots, hyphens and underscores only.</source>
        <translation>이벤트 이름에는 문자, 숫자, 마침표, 하이픈, 밑줄만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>An event name may not start with a dot.</source>
        <translation>이벤트 이름은 마침표로 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is larger than an invocation&apos;s 6 MB payload limit.</source>
        <translation>%1이(가) 호출 페이로드 한도인 6 MB보다 큽니다.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>%1을(를) 삭제할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ScheduleForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>표현식</translation>
    </message>
    <message>
        <source>rate(5 minutes) or cron(0 10 * * ? *)</source>
        <translation>rate(5 minutes) 또는 cron(0 10 * * ? *)</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>다음 실행</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>시간대</translation>
    </message>
    <message>
        <source>UTC; or an IANA name such as Europe/Paris</source>
        <translation>UTC 또는 Europe/Paris 같은 IANA 이름</translation>
    </message>
    <message>
        <source>never again</source>
        <translation>다시 실행되지 않음</translation>
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
        <translation>&apos;%1&apos;은(는) 알려진 시간대가 아닙니다</translation>
    </message>
    <message>
        <source>not scheduled: %1</source>
        <translation>예약되지 않음: %1</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>활성화됨</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>비활성화됨</translation>
    </message>
    <message>
        <source>there is no schedule named &apos;%1&apos;</source>
        <translation>&apos;%1&apos;(이)라는 일정이 없습니다</translation>
    </message>
    <message>
        <source>its last run (%1) has not finished</source>
        <translation>마지막 실행(%1)이 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>the previous run (%1) is still going</source>
        <translation>이전 실행(%1)이 아직 진행 중입니다</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n run(s): %1</source>
        <translation>
            <numerusform>실행 %n회 건너뜀: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>their times passed while the schedule could not run</source>
        <translation>일정을 실행할 수 없는 동안 해당 실행 시간이 지났습니다</translation>
    </message>
    <message>
        <source>%1 could not be invoked: %2</source>
        <translation>%1을(를) 호출할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>invoking %1 (request %2) for %3</source>
        <translation>%3 예약 실행으로 %1 호출 중 (요청 %2)</translation>
    </message>
    <message>
        <source>Schedule &apos;%1&apos;: %2</source>
        <translation>일정 &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::SendMessageDialog</name>
    <message>
        <source>Send Message to %1</source>
        <translation>%1에 메시지 보내기</translation>
    </message>
    <message>
        <source>Message body (any text, often JSON)</source>
        <translation>메시지 본문 (임의의 텍스트, 주로 JSON)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Add Attribute</source>
        <translation>속성 추가</translation>
    </message>
    <message>
        <source>Remove Attribute</source>
        <translation>속성 제거</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Message attributes</source>
        <translation>메시지 속성</translation>
    </message>
    <message>
        <source>Attribute %1 has no name.</source>
        <translation>속성 %1에 이름이 없습니다.</translation>
    </message>
    <message>
        <source>The value of %1 is not base64.</source>
        <translation>%1의 값이 base64가 아닙니다.</translation>
    </message>
    <message>
        <source>Attribute %1 is given twice.</source>
        <translation>속성 %1이(가) 두 번 지정되었습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::StageForm</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>dev, prod, or $default</source>
        <translation>dev, prod 또는 $default</translation>
    </message>
    <message>
        <source>Access log format</source>
        <translation>액세스 로그 형식</translation>
    </message>
    <message>
        <source>$context variables; empty: no access log</source>
        <translation>$context 변수. 비워 두면 액세스 로그 없음</translation>
    </message>
    <message>
        <source>Stage variables</source>
        <translation>스테이지 변수</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Throttling</source>
        <translation>제한</translation>
    </message>
</context>
<context>
    <name>gatehouse::TriggersPanel</name>
    <message>
        <source>Run Project</source>
        <translation>프로젝트 실행</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>표현식</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>다음 실행</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>마지막 실행</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>표시됨</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>지연됨</translation>
    </message>
    <message>
        <source>DLQ</source>
        <translation>DLQ</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>트리거</translation>
    </message>
    <message>
        <source>Fire Now</source>
        <translation>지금 실행</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Send Message…</source>
        <translation>메시지 보내기…</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>비우기</translation>
    </message>
    <message>
        <source>Run the selected schedule now with the current time as the event&apos;s time</source>
        <translation>현재 시간을 이벤트 시간으로 하여 선택한 일정을 지금 실행합니다</translation>
    </message>
    <message>
        <source>Pause or resume the selected schedule for this run (the project is not changed)</source>
        <translation>이번 실행 동안 선택한 일정을 일시 중지하거나 재개합니다 (프로젝트는 바뀌지 않음)</translation>
    </message>
    <message>
        <source>Delete every message in the selected queue</source>
        <translation>선택한 대기열의 모든 메시지를 삭제합니다</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>배달 못한 편지 대기열</translation>
    </message>
    <message>
        <source>The local cloud is not running: schedules do not fire and queues hold no messages.</source>
        <translation>로컬 클라우드가 실행 중이 아닙니다. 일정이 실행되지 않고 대기열에 메시지가 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Schedules&lt;/b&gt;</source>
        <translation>&lt;b&gt;일정&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Queues&lt;/b&gt;</source>
        <translation>&lt;b&gt;대기열&lt;/b&gt;</translation>
    </message>
    <message>
        <source>running (%1)</source>
        <translation>실행 중 (%1)</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n tick(s): %1</source>
        <translation>
            <numerusform>실행 %n회 건너뜀: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>succeeded (%1 ms)</source>
        <translation>성공 (%1 ms)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>disabled in project</source>
        <translation>프로젝트에서 비활성화됨</translation>
    </message>
    <message numerus="yes">
        <source>Moved to %1 after %n receive(s)</source>
        <translation>
            <numerusform>%n회 수신 후 %1(으)로 이동함</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (비활성)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>활성화됨</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>%1 local time
%2 UTC</source>
        <translation>%1 현지 시간
%2 UTC</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>실행 중 아님</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>%1 fired: request %2</source>
        <translation>%1 실행됨: 요청 %2</translation>
    </message>
    <message>
        <source>%1 resumed for this run.</source>
        <translation>이번 실행 동안 %1을(를) 재개했습니다.</translation>
    </message>
    <message>
        <source>%1 paused for this run; the project still says it is enabled.</source>
        <translation>이번 실행 동안 %1을(를) 일시 중지했습니다. 프로젝트에서는 여전히 활성화되어 있습니다.</translation>
    </message>
    <message>
        <source>The queue %1 is not running; run the project again after adding it.</source>
        <translation>대기열 %1이(가) 실행 중이 아닙니다. 대기열을 추가한 후 프로젝트를 다시 실행하세요.</translation>
    </message>
    <message>
        <source>Sent message %1 to %2.</source>
        <translation>메시지 %1을(를) %2(으)로 보냈습니다.</translation>
    </message>
    <message>
        <source>Purge Queue</source>
        <translation>대기열 비우기</translation>
    </message>
    <message>
        <source>Delete every message in %1?</source>
        <translation>%1의 모든 메시지를 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Purged %1.</source>
        <translation>%1을(를) 비웠습니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::Validation</name>
    <message>
        <source>billing granularity &apos;%1&apos; is not supported</source>
        <translation>청구 단위 &apos;%1&apos;은(는) 지원되지 않습니다</translation>
    </message>
    <message>
        <source>use &quot;1ms&quot; (AWS since December 2020) or &quot;100ms&quot; (before)</source>
        <translation>&quot;1ms&quot;(2020년 12월 이후 AWS) 또는 &quot;100ms&quot;(그 이전)를 사용하세요</translation>
    </message>
    <message>
        <source>1 to 1000 concurrent environments (Lambda&apos;s default account quota)</source>
        <translation>동시 실행 환경 1~1000개 (Lambda 계정 기본 할당량)</translation>
    </message>
    <message>
        <source>idleEnvironmentSeconds must be at least 1, found %1</source>
        <translation>idleEnvironmentSeconds는 1 이상이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>how long a warm environment waits before it is reaped, e.g. 300</source>
        <translation>웜 환경이 정리되기 전까지 기다리는 시간, 예: 300</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not look like an AWS region</source>
        <translation>&apos;%1&apos;은(는) AWS 리전 형식이 아닙니다</translation>
    </message>
    <message>
        <source>e.g. &apos;us-east-1&apos; or &apos;eu-west-3&apos;</source>
        <translation>예: &apos;us-east-1&apos; 또는 &apos;eu-west-3&apos;</translation>
    </message>
    <message>
        <source>account id &apos;%1&apos; is not 12 digits</source>
        <translation>계정 ID &apos;%1&apos;이(가) 12자리 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>e.g. &apos;123456789012&apos;</source>
        <translation>예: &apos;123456789012&apos;</translation>
    </message>
    <message>
        <source>a saved request needs a name</source>
        <translation>저장된 요청에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>e.g. &quot;List items&quot;</source>
        <translation>예: &quot;List items&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an HTTP method</source>
        <translation>&apos;%1&apos;은(는) HTTP 메서드가 아닙니다</translation>
    </message>
    <message>
        <source>use one of: %1</source>
        <translation>다음 중 하나를 사용하세요: %1</translation>
    </message>
    <message>
        <source>a saved request needs a url</source>
        <translation>저장된 요청에는 url이 필요합니다</translation>
    </message>
    <message>
        <source>e.g. &apos;{{baseUrl}}/items&apos;</source>
        <translation>예: &apos;{{baseUrl}}/items&apos;</translation>
    </message>
    <message>
        <source>there is none in the project yet; add it first</source>
        <translation>프로젝트에 아직 없습니다. 먼저 추가하세요</translation>
    </message>
    <message>
        <source>did you mean &apos;%1&apos;?</source>
        <translation>&apos;%1&apos;을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <source>available: %1</source>
        <translation>사용 가능: %1</translation>
    </message>
    <message>
        <source>name &apos;%1&apos; is already used by %2</source>
        <translation>이름 &apos;%1&apos;은(는) 이미 %2에서 사용 중입니다</translation>
    </message>
    <message>
        <source>names must be unique; rename one</source>
        <translation>이름은 고유해야 합니다. 하나의 이름을 바꾸세요</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3, found %4</source>
        <translation>%1은(는) %2에서 %3 사이여야 하는데 %4입니다</translation>
    </message>
    <message>
        <source>rateLimit cannot be negative (%1)</source>
        <translation>rateLimit은 음수일 수 없습니다 (%1)</translation>
    </message>
    <message>
        <source>use 0 or more requests per second</source>
        <translation>초당 요청 수를 0 이상으로 지정하세요</translation>
    </message>
    <message>
        <source>burstLimit cannot be negative (%1)</source>
        <translation>burstLimit은 음수일 수 없습니다 (%1)</translation>
    </message>
    <message>
        <source>use 0 or more requests</source>
        <translation>요청 수를 0 이상으로 지정하세요</translation>
    </message>
    <message>
        <source>burstLimit 0 with a rateLimit above 0 throttles every request</source>
        <translation>rateLimit이 0보다 클 때 burstLimit이 0이면 모든 요청이 제한됩니다</translation>
    </message>
    <message>
        <source>set burstLimit to at least the rateLimit</source>
        <translation>burstLimit을 rateLimit 이상으로 설정하세요</translation>
    </message>
    <message>
        <source>no function is set</source>
        <translation>함수가 지정되지 않았습니다</translation>
    </message>
    <message>
        <source>references unknown function &apos;%1&apos;</source>
        <translation>알 수 없는 함수 &apos;%1&apos;을(를) 참조합니다</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; must be 3 to 63 characters long (it has %2)</source>
        <translation>버킷 이름 &apos;%1&apos;은(는) 3~63자여야 합니다 (현재 %2자)</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; may contain only lowercase letters, digits, dots and hyphens</source>
        <translation>버킷 이름 &apos;%1&apos;에는 소문자, 숫자, 점, 하이픈만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; must start and end with a letter or digit</source>
        <translation>버킷 이름 &apos;%1&apos;은(는) 문자나 숫자로 시작하고 끝나야 합니다</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; contains &apos;..&apos;</source>
        <translation>버킷 이름 &apos;%1&apos;에 &apos;..&apos;이 있습니다</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; is formatted as an IP address</source>
        <translation>버킷 이름 &apos;%1&apos;이(가) IP 주소 형식입니다</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; starts with the reserved prefix &apos;%2&apos;</source>
        <translation>버킷 이름 &apos;%1&apos;이(가) 예약된 접두사 &apos;%2&apos;(으)로 시작합니다</translation>
    </message>
    <message>
        <source>bucket name &apos;%1&apos; ends with the reserved suffix &apos;%2&apos;</source>
        <translation>버킷 이름 &apos;%1&apos;이(가) 예약된 접미사 &apos;%2&apos;(으)로 끝납니다</translation>
    </message>
    <message>
        <source>path is empty</source>
        <translation>경로가 비어 있습니다</translation>
    </message>
    <message>
        <source>start it with &apos;/&apos;, e.g. &apos;/items&apos;</source>
        <translation>&apos;/&apos;로 시작하세요. 예: &apos;/items&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not start with &apos;/&apos;</source>
        <translation>&apos;%1&apos;이(가) &apos;/&apos;로 시작하지 않습니다</translation>
    </message>
    <message>
        <source>write &apos;/%1&apos;</source>
        <translation>&apos;/%1&apos;(으)로 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; ends with &apos;/&apos;</source>
        <translation>&apos;%1&apos;이(가) &apos;/&apos;로 끝납니다</translation>
    </message>
    <message>
        <source>remove the trailing &apos;/&apos;: &apos;%1&apos;</source>
        <translation>끝의 &apos;/&apos;를 지우세요: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty segment (&apos;//&apos;)</source>
        <translation>&apos;%1&apos;에 빈 세그먼트(&apos;//&apos;)가 있습니다</translation>
    </message>
    <message>
        <source>remove the extra &apos;/&apos;</source>
        <translation>불필요한 &apos;/&apos;를 지우세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a &apos;{&apos; inside a parameter</source>
        <translation>&apos;%1&apos;의 매개변수 안에 &apos;{&apos;가 있습니다</translation>
    </message>
    <message>
        <source>write a parameter as &apos;{name}&apos;</source>
        <translation>매개변수는 &apos;{name}&apos; 형식으로 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a &apos;}&apos; without a matching &apos;{&apos;</source>
        <translation>&apos;%1&apos;에 짝이 맞는 &apos;{&apos; 없이 &apos;}&apos;가 있습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an unclosed &apos;{&apos;</source>
        <translation>&apos;%1&apos;에 닫히지 않은 &apos;{&apos;가 있습니다</translation>
    </message>
    <message>
        <source>close it: &apos;%1&apos;</source>
        <translation>닫아 주세요: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains &apos;%2&apos;</source>
        <translation>&apos;%1&apos;에 &apos;%2&apos;이(가) 있습니다</translation>
    </message>
    <message>
        <source>a route path has no spaces, query string (&apos;?&apos;) or fragment (&apos;#&apos;)</source>
        <translation>라우트 경로에는 공백, 쿼리 문자열(&apos;?&apos;), 프래그먼트(&apos;#&apos;)를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has more than one parameter</source>
        <translation>&apos;%1&apos;에 매개변수가 둘 이상 있습니다</translation>
    </message>
    <message>
        <source>give each parameter its own segment</source>
        <translation>매개변수마다 별도의 세그먼트를 사용하세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; mixes literal text and a parameter</source>
        <translation>&apos;%1&apos;에 일반 텍스트와 매개변수가 섞여 있습니다</translation>
    </message>
    <message>
        <source>make the parameter a whole segment: &apos;%1&apos;</source>
        <translation>매개변수가 세그먼트 전체가 되게 하세요: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is an empty parameter</source>
        <translation>&apos;%1&apos;은(는) 빈 매개변수입니다</translation>
    </message>
    <message>
        <source>name it, e.g. &apos;{proxy+}&apos;</source>
        <translation>이름을 붙이세요. 예: &apos;{proxy+}&apos;</translation>
    </message>
    <message>
        <source>name it, e.g. &apos;{id}&apos;</source>
        <translation>이름을 붙이세요. 예: &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid parameter name</source>
        <translation>&apos;%1&apos;은(는) 올바른 매개변수 이름이 아닙니다</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation>문자, 숫자, &apos;_&apos;, &apos;-&apos;를 사용하세요</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; appears more than once in &apos;%2&apos;</source>
        <translation>매개변수 &apos;%1&apos;이(가) &apos;%2&apos;에 두 번 이상 나옵니다</translation>
    </message>
    <message>
        <source>rename one of them</source>
        <translation>그중 하나의 이름을 바꾸세요</translation>
    </message>
    <message>
        <source>greedy parameter &apos;%1&apos; must be the last segment of &apos;%2&apos;</source>
        <translation>greedy 매개변수 &apos;%1&apos;은(는) &apos;%2&apos;의 마지막 세그먼트여야 합니다</translation>
    </message>
    <message>
        <source>move it to the end, e.g. &apos;/files/%1&apos;</source>
        <translation>끝으로 옮기세요. 예: &apos;/files/%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed here; this field accepts digits%2 and %3</source>
        <translation>여기에는 &apos;%1&apos;을(를) 쓸 수 없습니다. 이 필드에는 숫자%2 및 %3만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>, names</source>
        <translation>, 이름</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range (%2-%3)</source>
        <translation>&apos;%1&apos;이(가) 범위(%2-%3)를 벗어났습니다</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>값이 없습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value</source>
        <translation>&apos;%1&apos;은(는) 올바른 값이 아닙니다</translation>
    </message>
    <message>
        <source>empty item in &apos;%1&apos;</source>
        <translation>&apos;%1&apos;에 빈 항목이 있습니다</translation>
    </message>
    <message>
        <source>increment &apos;%1&apos; in &apos;%2&apos; must be a number from 1 to %3</source>
        <translation>&apos;%2&apos;의 증분 &apos;%1&apos;은(는) 1에서 %3 사이의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no start before &apos;/&apos;; write &apos;*/%2&apos; or &apos;0/%2&apos;</source>
        <translation>&apos;%1&apos;에는 &apos;/&apos; 앞에 시작 값이 없습니다. &apos;*/%2&apos; 또는 &apos;0/%2&apos;로 쓰세요</translation>
    </message>
    <message>
        <source>range &apos;%1&apos; goes backwards</source>
        <translation>범위 &apos;%1&apos;이(가) 거꾸로 되어 있습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;L&apos; and &apos;W&apos; stand alone, as in &apos;L&apos;, &apos;LW&apos; or &apos;15W&apos;</source>
        <translation>&apos;%1&apos;: &apos;L&apos;과 &apos;W&apos;는 &apos;L&apos;, &apos;LW&apos;, &apos;15W&apos;처럼 단독으로 씁니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;#&apos; takes one day and one week number, as in &apos;2#1&apos;</source>
        <translation>&apos;%1&apos;: &apos;#&apos;에는 &apos;2#1&apos;처럼 요일 하나와 주 번호 하나를 씁니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the week number after &apos;#&apos; must be from 1 to 5</source>
        <translation>&apos;%1&apos;: &apos;#&apos; 뒤의 주 번호는 1에서 5 사이여야 합니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;L&apos; follows a single day, as in &apos;5L&apos;</source>
        <translation>&apos;%1&apos;: &apos;L&apos;은 &apos;5L&apos;처럼 요일 하나 뒤에 씁니다</translation>
    </message>
    <message>
        <source>cron() needs 6 fields (minutes hours day-of-month month day-of-week year), found %1</source>
        <translation>cron()에는 필드 6개(분 시 일 월 요일 연도)가 필요한데 %1개입니다</translation>
    </message>
    <message>
        <source>; add the year, e.g. &apos;*&apos;</source>
        <translation>; 연도를 추가하세요. 예: &apos;*&apos;</translation>
    </message>
    <message>
        <source>; EventBridge has no seconds field (one minute is the finest)</source>
        <translation>; EventBridge에는 초 필드가 없습니다 (가장 작은 단위는 1분)</translation>
    </message>
    <message>
        <source>day-of-month and day-of-week cannot both be &apos;?&apos;; set one of them, e.g. &apos;*&apos; in day-of-month</source>
        <translation>일과 요일이 둘 다 &apos;?&apos;일 수는 없습니다. 하나를 지정하세요. 예: 일에 &apos;*&apos;</translation>
    </message>
    <message>
        <source>day-of-month and day-of-week cannot both be set; use &apos;?&apos; in one of them</source>
        <translation>일과 요일을 둘 다 지정할 수는 없습니다. 하나에 &apos;?&apos;를 쓰세요</translation>
    </message>
    <message>
        <source>the schedule expression is empty</source>
        <translation>일정 표현식이 비어 있습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a schedule expression; write rate(value unit) or cron(minutes hours day-of-month month day-of-week year)</source>
        <translation>&apos;%1&apos;은(는) 일정 표현식이 아닙니다. rate(값 단위) 또는 cron(분 시 일 월 요일 연도)으로 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing the closing &apos;)&apos;</source>
        <translation>&apos;%1&apos;에 닫는 &apos;)&apos;가 없습니다</translation>
    </message>
    <message>
        <source>rate() takes a value and a unit, e.g. &apos;rate(5 minutes)&apos;</source>
        <translation>rate()에는 값과 단위를 씁니다. 예: &apos;rate(5 minutes)&apos;</translation>
    </message>
    <message>
        <source>rate(): &apos;%1&apos; is not a positive whole number</source>
        <translation>rate(): &apos;%1&apos;은(는) 양의 정수가 아닙니다</translation>
    </message>
    <message>
        <source>rate(): use &apos;%1&apos; for a value of 1, as in &apos;rate(1 %1)&apos;</source>
        <translation>rate(): 값이 1이면 &apos;rate(1 %1)&apos;처럼 &apos;%1&apos;을(를) 쓰세요</translation>
    </message>
    <message>
        <source>rate(): use &apos;%1&apos; for a value of %2, as in &apos;rate(%2 %1)&apos;</source>
        <translation>rate(): 값이 %2이면 &apos;rate(%2 %1)&apos;처럼 &apos;%1&apos;을(를) 쓰세요</translation>
    </message>
    <message>
        <source>rate(): &apos;%1&apos; is not supported; the smallest unit is a minute</source>
        <translation>rate(): &apos;%1&apos;은(는) 지원되지 않습니다. 가장 작은 단위는 분입니다</translation>
    </message>
    <message>
        <source>rate(): unknown unit &apos;%1&apos;; use minute(s), hour(s) or day(s)</source>
        <translation>rate(): 알 수 없는 단위 &apos;%1&apos;. minute(s), hour(s), day(s) 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>write &apos;module.function&apos;, e.g. &apos;app.lambda_handler&apos; for app.py</source>
        <translation>&apos;module.function&apos; 형식으로 쓰세요. 예: app.py라면 &apos;app.lambda_handler&apos;</translation>
    </message>
    <message>
        <source>write &apos;file.function&apos;, e.g. &apos;index.handler&apos; for index.js</source>
        <translation>&apos;file.function&apos; 형식으로 쓰세요. 예: index.js라면 &apos;index.handler&apos;</translation>
    </message>
    <message>
        <source>code folder &apos;%1&apos; is not a folder</source>
        <translation>코드 폴더 &apos;%1&apos;이(가) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>code folder &apos;%1&apos; does not exist</source>
        <translation>코드 폴더 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>create it, or fix codeUri (it is relative to the project folder)</source>
        <translation>폴더를 만들거나 codeUri를 고치세요 (프로젝트 폴더 기준 상대 경로입니다)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist</source>
        <translation>&apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>a provided runtime starts an executable named &apos;bootstrap&apos; in the code folder</source>
        <translation>provided 런타임은 코드 폴더에 있는 &apos;bootstrap&apos; 실행 파일을 시작합니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not executable</source>
        <translation>&apos;%1&apos;은(는) 실행 파일이 아닙니다</translation>
    </message>
    <message>
        <source>make it executable: chmod +x %1</source>
        <translation>실행 권한을 주세요: chmod +x %1</translation>
    </message>
    <message>
        <source>handler file &apos;%1&apos; does not exist</source>
        <translation>핸들러 파일 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>create it, or fix the handler (&apos;module.function&apos; runs module.py)</source>
        <translation>파일을 만들거나 핸들러를 고치세요 (&apos;module.function&apos;은 module.py를 실행합니다)</translation>
    </message>
    <message>
        <source>handler file &apos;%1&apos; does not exist (nor its .mjs or .cjs variant)</source>
        <translation>핸들러 파일 &apos;%1&apos;이(가) 없습니다 (.mjs나 .cjs 파일도 없습니다)</translation>
    </message>
    <message>
        <source>create it, or fix the handler (&apos;file.function&apos; runs file.js)</source>
        <translation>파일을 만들거나 핸들러를 고치세요 (&apos;file.function&apos;은 file.js를 실행합니다)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved by Lambda</source>
        <translation>&apos;%1&apos;은(는) Lambda에서 예약한 이름입니다</translation>
    </message>
    <message>
        <source>Lambda sets it itself; choose another name</source>
        <translation>Lambda가 직접 설정합니다. 다른 이름을 고르세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid environment variable name</source>
        <translation>&apos;%1&apos;은(는) 올바른 환경 변수 이름이 아닙니다</translation>
    </message>
    <message>
        <source>start with a letter, then letters, digits or &apos;_&apos; (2 or more)</source>
        <translation>문자로 시작하고 이어서 문자, 숫자, &apos;_&apos;를 쓰세요 (2자 이상)</translation>
    </message>
    <message>
        <source>Lambda sets &apos;%1&apos; itself for X-Ray tracing</source>
        <translation>Lambda가 X-Ray 추적을 위해 &apos;%1&apos;을(를) 직접 설정합니다</translation>
    </message>
    <message>
        <source>remove it unless you mean to override the tracing setup</source>
        <translation>추적 설정을 덮어쓸 의도가 아니라면 지우세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set twice</source>
        <translation>&apos;%1&apos;이(가) 두 번 설정되었습니다</translation>
    </message>
    <message>
        <source>keep one of them</source>
        <translation>하나만 남기세요</translation>
    </message>
    <message>
        <source>environment variables take %1 bytes; Lambda allows 4 KB (4096 bytes)</source>
        <translation>환경 변수가 %1바이트를 차지합니다. Lambda는 4 KB(4096바이트)까지 허용합니다</translation>
    </message>
    <message>
        <source>move large values into files or a secret store</source>
        <translation>큰 값은 파일이나 비밀 저장소로 옮기세요</translation>
    </message>
    <message>
        <source>a function needs a name</source>
        <translation>함수에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>add &quot;name&quot;: &quot;myFunction&quot;</source>
        <translation>&quot;name&quot;: &quot;myFunction&quot;을 추가하세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid function name</source>
        <translation>&apos;%1&apos;은(는) 올바른 함수 이름이 아닙니다</translation>
    </message>
    <message>
        <source>use 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>문자, 숫자, &apos;-&apos;, &apos;_&apos;를 1~64자로 쓰세요</translation>
    </message>
    <message>
        <source>runtime &apos;%1&apos; is not supported</source>
        <translation>런타임 &apos;%1&apos;은(는) 지원되지 않습니다</translation>
    </message>
    <message>
        <source>handler is empty</source>
        <translation>핸들러가 비어 있습니다</translation>
    </message>
    <message>
        <source>any name your bootstrap understands, e.g. &apos;function.handler&apos;</source>
        <translation>bootstrap이 이해하는 어떤 이름이든 됩니다. 예: &apos;function.handler&apos;</translation>
    </message>
    <message>
        <source>handler &apos;%1&apos; is not of the form &apos;module.function&apos;</source>
        <translation>핸들러 &apos;%1&apos;이(가) &apos;module.function&apos; 형식이 아닙니다</translation>
    </message>
    <message>
        <source>handler &apos;%1&apos; is not of the form &apos;file.function&apos;</source>
        <translation>핸들러 &apos;%1&apos;이(가) &apos;file.function&apos; 형식이 아닙니다</translation>
    </message>
    <message>
        <source>handler &apos;%1&apos; points outside the code folder</source>
        <translation>핸들러 &apos;%1&apos;이(가) 코드 폴더 밖을 가리킵니다</translation>
    </message>
    <message>
        <source>use a path below codeUri</source>
        <translation>codeUri 아래의 경로를 쓰세요</translation>
    </message>
    <message>
        <source>Lambda allows 128 to 10240 MB</source>
        <translation>Lambda는 128~10240 MB를 허용합니다</translation>
    </message>
    <message>
        <source>Lambda allows up to 900 seconds (15 minutes)</source>
        <translation>Lambda는 최대 900초(15분)까지 허용합니다</translation>
    </message>
    <message>
        <source>architecture &apos;%1&apos; is not supported</source>
        <translation>아키텍처 &apos;%1&apos;은(는) 지원되지 않습니다</translation>
    </message>
    <message>
        <source>use x86_64 or arm64</source>
        <translation>x86_64 또는 arm64를 쓰세요</translation>
    </message>
    <message>
        <source>Lambda&apos;s default account concurrency is 1000</source>
        <translation>Lambda 계정의 기본 동시성은 1000입니다</translation>
    </message>
    <message>
        <source>reservedConcurrency 0 throttles every invocation</source>
        <translation>reservedConcurrency가 0이면 모든 호출이 제한됩니다</translation>
    </message>
    <message>
        <source>remove it to use the shared pool</source>
        <translation>공유 풀을 쓰려면 지우세요</translation>
    </message>
    <message>
        <source>reservedConcurrency %1 is above the project&apos;s concurrencyLimit of %2</source>
        <translation>reservedConcurrency %1이(가) 프로젝트의 concurrencyLimit %2보다 큽니다</translation>
    </message>
    <message>
        <source>raise settings.concurrencyLimit to run that many at once</source>
        <translation>그만큼 동시에 실행하려면 settings.concurrencyLimit을 올리세요</translation>
    </message>
    <message>
        <source>routeSelectionExpression is only used by WebSocket APIs</source>
        <translation>routeSelectionExpression은 WebSocket API에서만 쓰입니다</translation>
    </message>
    <message>
        <source>remove it</source>
        <translation>지우세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a route selection expression</source>
        <translation>&apos;%1&apos;은(는) 라우트 선택 표현식이 아닙니다</translation>
    </message>
    <message>
        <source>write &apos;$request.body.&lt;property&gt;&apos;, e.g. &apos;$request.body.action&apos;</source>
        <translation>&apos;$request.body.&lt;속성&gt;&apos; 형식으로 쓰세요. 예: &apos;$request.body.action&apos;</translation>
    </message>
    <message>
        <source>binaryMediaTypes is only used by REST APIs</source>
        <translation>binaryMediaTypes는 REST API에서만 쓰입니다</translation>
    </message>
    <message>
        <source>HTTP APIs decide by the isBase64Encoded flag; remove it</source>
        <translation>HTTP API는 isBase64Encoded 플래그로 판단합니다. 지우세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a media type</source>
        <translation>&apos;%1&apos;은(는) 미디어 유형이 아닙니다</translation>
    </message>
    <message>
        <source>e.g. &apos;image/png&apos; or &apos;*/*&apos;</source>
        <translation>예: &apos;image/png&apos; 또는 &apos;*/*&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid domain name</source>
        <translation>&apos;%1&apos;은(는) 올바른 도메인 이름이 아닙니다</translation>
    </message>
    <message>
        <source>e.g. &apos;api.example.com&apos;</source>
        <translation>예: &apos;api.example.com&apos;</translation>
    </message>
    <message>
        <source>references unknown stage &apos;%1&apos; of API &apos;%2&apos;</source>
        <translation>API &apos;%2&apos;의 알 수 없는 스테이지 &apos;%1&apos;을(를) 참조합니다</translation>
    </message>
    <message>
        <source>base path &apos;%1&apos; of &apos;%2&apos; is already mapped by %3</source>
        <translation>&apos;%2&apos;의 기본 경로 &apos;%1&apos;은(는) 이미 %3에서 매핑했습니다</translation>
    </message>
    <message>
        <source>each base path of a domain leads to one API stage</source>
        <translation>도메인의 기본 경로 하나는 API 스테이지 하나로 연결됩니다</translation>
    </message>
    <message>
        <source>an API needs a name</source>
        <translation>API에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>add &quot;name&quot;: &quot;my-api&quot;</source>
        <translation>&quot;name&quot;: &quot;my-api&quot;를 추가하세요</translation>
    </message>
    <message>
        <source>use 0 to pick a free port, or 1 to 65535</source>
        <translation>빈 포트를 고르려면 0을, 아니면 1~65535를 쓰세요</translation>
    </message>
    <message>
        <source>port %1 is also used by API &apos;%2&apos; (%3)</source>
        <translation>포트 %1은(는) API &apos;%2&apos;(%3)에서도 사용합니다</translation>
    </message>
    <message>
        <source>give each API its own port, or 0 to pick a free one</source>
        <translation>API마다 다른 포트를 쓰거나, 빈 포트를 고르도록 0을 쓰세요</translation>
    </message>
    <message>
        <source>port %1 usually needs administrator rights</source>
        <translation>포트 %1은(는) 보통 관리자 권한이 필요합니다</translation>
    </message>
    <message>
        <source>use a port above 1023, or 0</source>
        <translation>1023보다 큰 포트나 0을 쓰세요</translation>
    </message>
    <message>
        <source>routeKey is only for WebSocket routes</source>
        <translation>routeKey는 WebSocket 라우트 전용입니다</translation>
    </message>
    <message>
        <source>use method and path, and remove routeKey</source>
        <translation>method와 path를 쓰고 routeKey는 지우세요</translation>
    </message>
    <message>
        <source>routeResponse is only used by WebSocket routes</source>
        <translation>routeResponse는 WebSocket 라우트에서만 쓰입니다</translation>
    </message>
    <message>
        <source>&apos;$default&apos; routes exist only on HTTP APIs</source>
        <translation>&apos;$default&apos; 라우트는 HTTP API에만 있습니다</translation>
    </message>
    <message>
        <source>use ANY /{proxy+} to catch every request on a REST API</source>
        <translation>REST API에서 모든 요청을 받으려면 ANY /{proxy+}를 쓰세요</translation>
    </message>
    <message>
        <source>write it in capitals: &apos;%1&apos;</source>
        <translation>대문자로 쓰세요: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>WebSocket routes have no path</source>
        <translation>WebSocket 라우트에는 path가 없습니다</translation>
    </message>
    <message>
        <source>use routeKey instead, e.g. &apos;sendmessage&apos;</source>
        <translation>대신 routeKey를 쓰세요. 예: &apos;sendmessage&apos;</translation>
    </message>
    <message>
        <source>WebSocket routes have no method</source>
        <translation>WebSocket 라우트에는 method가 없습니다</translation>
    </message>
    <message>
        <source>remove method; routeKey selects the route</source>
        <translation>method를 지우세요. 라우트는 routeKey로 선택됩니다</translation>
    </message>
    <message>
        <source>a WebSocket route needs a routeKey</source>
        <translation>WebSocket 라우트에는 routeKey가 필요합니다</translation>
    </message>
    <message>
        <source>use &apos;$connect&apos;, &apos;$disconnect&apos;, &apos;$default&apos; or a custom key such as &apos;sendmessage&apos;</source>
        <translation>&apos;$connect&apos;, &apos;$disconnect&apos;, &apos;$default&apos; 또는 &apos;sendmessage&apos; 같은 사용자 지정 키를 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a predefined route key</source>
        <translation>&apos;%1&apos;은(는) 미리 정의된 라우트 키가 아닙니다</translation>
    </message>
    <message>
        <source>use $connect, $disconnect or $default, or a custom key without &apos;$&apos;</source>
        <translation>$connect, $disconnect, $default 또는 &apos;$&apos; 없는 사용자 지정 키를 쓰세요</translation>
    </message>
    <message>
        <source>route key &apos;%1&apos; contains whitespace</source>
        <translation>라우트 키 &apos;%1&apos;에 공백이 있습니다</translation>
    </message>
    <message>
        <source>remove the spaces</source>
        <translation>공백을 지우세요</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is defined twice (also %2)</source>
        <translation>라우트 &apos;%1&apos;이(가) 두 번 정의되었습니다 (%2에도 있음)</translation>
    </message>
    <message>
        <source>remove one of them</source>
        <translation>하나를 지우세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is ambiguous with &apos;%2&apos; (%3): the paths differ only in parameter names</source>
        <translation>&apos;%1&apos;과(와) &apos;%2&apos;(%3)이(가) 모호합니다: 경로가 매개변수 이름만 다릅니다</translation>
    </message>
    <message>
        <source>use one route, or the same parameter name at each position</source>
        <translation>라우트를 하나만 쓰거나 같은 위치에 같은 매개변수 이름을 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in &apos;%2&apos; conflicts with &apos;%3&apos; in &apos;%4&apos; (%5): a REST API resource can have only one variable child</source>
        <translation>&apos;%2&apos;의 &apos;%1&apos;이(가) &apos;%4&apos;의 &apos;%3&apos;(%5)과(와) 충돌합니다: REST API 리소스에는 변수 하위 리소스가 하나만 있을 수 있습니다</translation>
    </message>
    <message>
        <source>use the same parameter at this level</source>
        <translation>이 수준에서는 같은 매개변수를 쓰세요</translation>
    </message>
    <message>
        <source>references unknown authorizer &apos;%1&apos;</source>
        <translation>알 수 없는 권한 부여자 &apos;%1&apos;을(를) 참조합니다</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos; works only on HTTP APIs, not on %2 APIs</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;은(는) HTTP API에서만 동작하며 %2 API에서는 동작하지 않습니다</translation>
    </message>
    <message>
        <source>use a Lambda authorizer on REST and WebSocket APIs</source>
        <translation>REST와 WebSocket API에서는 Lambda 권한 부여자를 쓰세요</translation>
    </message>
    <message>
        <source>API key authorizer &apos;%1&apos; works only on REST APIs, not on %2 APIs</source>
        <translation>API 키 권한 부여자 &apos;%1&apos;은(는) REST API에서만 동작하며 %2 API에서는 동작하지 않습니다</translation>
    </message>
    <message>
        <source>HTTP APIs do not support API keys; use a Lambda or JWT authorizer</source>
        <translation>HTTP API는 API 키를 지원하지 않습니다. Lambda 또는 JWT 권한 부여자를 쓰세요</translation>
    </message>
    <message>
        <source>use a Lambda authorizer</source>
        <translation>Lambda 권한 부여자를 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a TOKEN authorizer; %2 APIs support only REQUEST Lambda authorizers</source>
        <translation>&apos;%1&apos;은(는) TOKEN 권한 부여자입니다. %2 API는 REQUEST Lambda 권한 부여자만 지원합니다</translation>
    </message>
    <message>
        <source>set its lambdaType to REQUEST with an identity source</source>
        <translation>lambdaType을 REQUEST로 하고 자격 증명 소스를 지정하세요</translation>
    </message>
    <message>
        <source>WebSocket APIs authorize only the $connect route</source>
        <translation>WebSocket API는 $connect 라우트에서만 권한을 확인합니다</translation>
    </message>
    <message>
        <source>move the authorizer to the $connect route</source>
        <translation>권한 부여자를 $connect 라우트로 옮기세요</translation>
    </message>
    <message>
        <source>authorization scopes are only checked by JWT authorizers</source>
        <translation>권한 범위는 JWT 권한 부여자만 확인합니다</translation>
    </message>
    <message>
        <source>remove them, or use a JWT authorizer</source>
        <translation>지우거나 JWT 권한 부여자를 쓰세요</translation>
    </message>
    <message>
        <source>route key &apos;%1&apos; is defined twice (also %2)</source>
        <translation>라우트 키 &apos;%1&apos;이(가) 두 번 정의되었습니다 (%2에도 있음)</translation>
    </message>
    <message>
        <source>function &apos;%1&apos; may run for %2 s, but the API stops waiting after %3 s</source>
        <translation>함수 &apos;%1&apos;은(는) %2초 동안 실행될 수 있지만 API는 %3초 후에 기다리기를 멈춥니다</translation>
    </message>
    <message>
        <source>lower the function&apos;s timeoutSeconds, or expect timeout responses</source>
        <translation>함수의 timeoutSeconds를 낮추거나 시간 초과 응답을 예상하세요</translation>
    </message>
    <message>
        <source>payload format &apos;%1&apos; is not supported</source>
        <translation>페이로드 형식 &apos;%1&apos;은(는) 지원되지 않습니다</translation>
    </message>
    <message>
        <source>use &quot;1.0&quot; or &quot;2.0&quot;</source>
        <translation>&quot;1.0&quot; 또는 &quot;2.0&quot;을 쓰세요</translation>
    </message>
    <message>
        <source>payload format %1 is only for HTTP APIs; this API uses 1.0</source>
        <translation>페이로드 형식 %1은(는) HTTP API 전용입니다. 이 API는 1.0을 씁니다</translation>
    </message>
    <message>
        <source>remove payloadFormatVersion or set &quot;1.0&quot;</source>
        <translation>payloadFormatVersion을 지우거나 &quot;1.0&quot;으로 설정하세요</translation>
    </message>
    <message>
        <source>an HTTP proxy integration needs a url</source>
        <translation>HTTP 프록시 통합에는 url이 필요합니다</translation>
    </message>
    <message>
        <source>e.g. &apos;https://example.com/{proxy}&apos;</source>
        <translation>예: &apos;https://example.com/{proxy}&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an absolute http(s) URL</source>
        <translation>&apos;%1&apos;은(는) 절대 http(s) URL이 아닙니다</translation>
    </message>
    <message>
        <source>e.g. &apos;https://example.com/items/{id}&apos;</source>
        <translation>예: &apos;https://example.com/items/{id}&apos;</translation>
    </message>
    <message>
        <source>&apos;{%1}&apos; in the URL is not a parameter of the route path</source>
        <translation>URL의 &apos;{%1}&apos;은(는) 라우트 경로의 매개변수가 아닙니다</translation>
    </message>
    <message>
        <source>the route path has no parameters</source>
        <translation>라우트 경로에 매개변수가 없습니다</translation>
    </message>
    <message>
        <source>the route has: %1</source>
        <translation>라우트의 매개변수: %1</translation>
    </message>
    <message>
        <source>stage variable &apos;%1&apos; is not defined by any stage of this API</source>
        <translation>스테이지 변수 &apos;%1&apos;은(는) 이 API의 어떤 스테이지에도 정의되어 있지 않습니다</translation>
    </message>
    <message>
        <source>add it to the stages&apos; variables</source>
        <translation>스테이지 변수에 추가하세요</translation>
    </message>
    <message>
        <source>use an HTTP status code from 100 to 599</source>
        <translation>100~599 사이의 HTTP 상태 코드를 쓰세요</translation>
    </message>
    <message>
        <source>HTTP APIs on AWS have no mock integrations; this route works only locally</source>
        <translation>AWS의 HTTP API에는 모의 통합이 없습니다. 이 라우트는 로컬에서만 동작합니다</translation>
    </message>
    <message>
        <source>use a Lambda function that returns the fixed response</source>
        <translation>고정된 응답을 반환하는 Lambda 함수를 쓰세요</translation>
    </message>
    <message>
        <source>HTTP APIs allow 50 ms to 30 seconds</source>
        <translation>HTTP API는 50 ms~30초를 허용합니다</translation>
    </message>
    <message>
        <source>REST and WebSocket APIs allow 50 ms to 29 seconds</source>
        <translation>REST와 WebSocket API는 50 ms~29초를 허용합니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid stage variable name</source>
        <translation>&apos;%1&apos;은(는) 올바른 스테이지 변수 이름이 아닙니다</translation>
    </message>
    <message>
        <source>use letters, digits and &apos;_&apos;</source>
        <translation>문자, 숫자, &apos;_&apos;를 쓰세요</translation>
    </message>
    <message>
        <source>the value of &apos;%1&apos; has %2 characters; API Gateway allows 2048</source>
        <translation>&apos;%1&apos;의 값이 %2자입니다. API Gateway는 2048자까지 허용합니다</translation>
    </message>
    <message>
        <source>shorten it</source>
        <translation>줄이세요</translation>
    </message>
    <message>
        <source>stage variable &apos;%1&apos; has an empty value</source>
        <translation>스테이지 변수 &apos;%1&apos;의 값이 비어 있습니다</translation>
    </message>
    <message>
        <source>API Gateway requires a value; remove the variable instead</source>
        <translation>API Gateway에는 값이 필요합니다. 대신 변수를 지우세요</translation>
    </message>
    <message>
        <source>the value of &apos;%1&apos; contains characters API Gateway does not allow</source>
        <translation>&apos;%1&apos;의 값에 API Gateway가 허용하지 않는 문자가 있습니다</translation>
    </message>
    <message>
        <source>use letters, digits and - . _ ~ : / ? # &amp; = , (no spaces)</source>
        <translation>문자, 숫자와 - . _ ~ : / ? # &amp; = , 를 쓰세요 (공백 불가)</translation>
    </message>
    <message>
        <source>a stage needs a name</source>
        <translation>스테이지에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>e.g. &apos;dev&apos;, or &apos;$default&apos;</source>
        <translation>예: &apos;dev&apos; 또는 &apos;$default&apos;</translation>
    </message>
    <message>
        <source>REST APIs have no &apos;$default&apos; stage</source>
        <translation>REST API에는 &apos;$default&apos; 스테이지가 없습니다</translation>
    </message>
    <message>
        <source>use a name such as &apos;dev&apos;</source>
        <translation>&apos;dev&apos; 같은 이름을 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid stage name</source>
        <translation>&apos;%1&apos;은(는) 올바른 스테이지 이름이 아닙니다</translation>
    </message>
    <message>
        <source>use 1 to 128 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>문자, 숫자, &apos;-&apos;, &apos;_&apos;를 1~128자로 쓰세요</translation>
    </message>
    <message>
        <source>WebSocket APIs do not use CORS</source>
        <translation>WebSocket API는 CORS를 쓰지 않습니다</translation>
    </message>
    <message>
        <source>remove cors</source>
        <translation>cors를 지우세요</translation>
    </message>
    <message>
        <source>use 0 to 86400 seconds (one day)</source>
        <translation>0~86400초(하루)를 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an origin</source>
        <translation>&apos;%1&apos;은(는) 오리진이 아닙니다</translation>
    </message>
    <message>
        <source>an origin has no path; remove the trailing &apos;/&apos;: &apos;%1&apos;</source>
        <translation>오리진에는 경로가 없습니다. 끝의 &apos;/&apos;를 지우세요: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>write scheme://host[:port], e.g. &apos;https://example.com&apos;, or &apos;*&apos;</source>
        <translation>scheme://host[:port] 형식이나 &apos;*&apos;로 쓰세요. 예: &apos;https://example.com&apos;</translation>
    </message>
    <message>
        <source>allowCredentials cannot be used with the &apos;*&apos; origin</source>
        <translation>allowCredentials는 &apos;*&apos; 오리진과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>list the allowed origins explicitly</source>
        <translation>허용할 오리진을 명시적으로 나열하세요</translation>
    </message>
    <message>
        <source>use %1 or &apos;*&apos;</source>
        <translation>%1 또는 &apos;*&apos;를 쓰세요</translation>
    </message>
    <message>
        <source>e.g. &apos;$request.header.Authorization&apos;, &apos;$request.querystring.token&apos;, &apos;$context.X&apos; or &apos;$stageVariables.X&apos;</source>
        <translation>예: &apos;$request.header.Authorization&apos;, &apos;$request.querystring.token&apos;, &apos;$context.X&apos; 또는 &apos;$stageVariables.X&apos;</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; uses http; AWS accepts only https</source>
        <translation>%1 &apos;%2&apos;이(가) http를 씁니다. AWS는 https만 받습니다</translation>
    </message>
    <message>
        <source>fine for local testing; use https on AWS</source>
        <translation>로컬 테스트에는 괜찮지만 AWS에서는 https를 쓰세요</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; must be an https URL</source>
        <translation>%1 &apos;%2&apos;은(는) https URL이어야 합니다</translation>
    </message>
    <message>
        <source>e.g. &apos;https://auth.example.com/&apos;</source>
        <translation>예: &apos;https://auth.example.com/&apos;</translation>
    </message>
    <message>
        <source>a JWT authorizer needs an issuer</source>
        <translation>JWT 권한 부여자에는 발급자(issuer)가 필요합니다</translation>
    </message>
    <message>
        <source>the URL in the tokens&apos; &apos;iss&apos; claim, e.g. &apos;https://auth.example.com/&apos;</source>
        <translation>토큰의 &apos;iss&apos; 클레임에 있는 URL. 예: &apos;https://auth.example.com/&apos;</translation>
    </message>
    <message>
        <source>a JWT authorizer needs at least one audience</source>
        <translation>JWT 권한 부여자에는 대상(audience)이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>add the client id the tokens are issued for</source>
        <translation>토큰을 발급받는 클라이언트 ID를 추가하세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an identity source</source>
        <translation>&apos;%1&apos;은(는) 자격 증명 소스가 아닙니다</translation>
    </message>
    <message>
        <source>JWKS file &apos;%1&apos; does not exist</source>
        <translation>JWKS 파일 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>give an https URL or a file relative to the project folder</source>
        <translation>https URL이나 프로젝트 폴더 기준 상대 경로의 파일을 지정하세요</translation>
    </message>
    <message>
        <source>lambdaType &apos;%1&apos; is not supported</source>
        <translation>lambdaType &apos;%1&apos;은(는) 지원되지 않습니다</translation>
    </message>
    <message>
        <source>use REQUEST or TOKEN</source>
        <translation>REQUEST 또는 TOKEN을 쓰세요</translation>
    </message>
    <message>
        <source>0 disables caching; the maximum is 3600</source>
        <translation>0이면 캐싱을 끕니다. 최댓값은 3600입니다</translation>
    </message>
    <message>
        <source>a TOKEN authorizer reads exactly one header</source>
        <translation>TOKEN 권한 부여자는 헤더를 정확히 하나 읽습니다</translation>
    </message>
    <message>
        <source>e.g. [&quot;$request.header.Authorization&quot;]</source>
        <translation>예: [&quot;$request.header.Authorization&quot;]</translation>
    </message>
    <message>
        <source>a REQUEST authorizer with caching needs at least one identity source</source>
        <translation>캐싱을 쓰는 REQUEST 권한 부여자에는 자격 증명 소스가 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>add one, or set resultTtlSeconds to 0 to turn caching off</source>
        <translation>하나를 추가하거나, resultTtlSeconds를 0으로 해서 캐싱을 끄세요</translation>
    </message>
    <message>
        <source>simple responses need payload format 2.0</source>
        <translation>단순 응답에는 페이로드 형식 2.0이 필요합니다</translation>
    </message>
    <message>
        <source>set payloadFormatVersion to &quot;2.0&quot;</source>
        <translation>payloadFormatVersion을 &quot;2.0&quot;으로 설정하세요</translation>
    </message>
    <message>
        <source>the regular expression does not compile: %1 (at %2)</source>
        <translation>정규식을 컴파일할 수 없습니다: %1 (위치 %2)</translation>
    </message>
    <message>
        <source>fix the pattern, e.g. &apos;^Bearer [-0-9a-zA-Z._]+$&apos;</source>
        <translation>패턴을 고치세요. 예: &apos;^Bearer [-0-9a-zA-Z._]+$&apos;</translation>
    </message>
    <message>
        <source>tokenValidationRegex is only used by TOKEN authorizers</source>
        <translation>tokenValidationRegex는 TOKEN 권한 부여자에서만 쓰입니다</translation>
    </message>
    <message>
        <source>remove it, or set lambdaType to TOKEN</source>
        <translation>지우거나 lambdaType을 TOKEN으로 설정하세요</translation>
    </message>
    <message>
        <source>an API key authorizer needs at least one key</source>
        <translation>API 키 권한 부여자에는 키가 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>add {&quot;name&quot;: &quot;client&quot;, &quot;value&quot;: &quot;...&quot;}</source>
        <translation>{&quot;name&quot;: &quot;client&quot;, &quot;value&quot;: &quot;...&quot;}를 추가하세요</translation>
    </message>
    <message>
        <source>an API key needs a name</source>
        <translation>API 키에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>name the client that uses it</source>
        <translation>이 키를 쓰는 클라이언트의 이름을 붙이세요</translation>
    </message>
    <message>
        <source>the value of API key &apos;%1&apos; has %2 characters; API Gateway needs 20 to 128</source>
        <translation>API 키 &apos;%1&apos;의 값이 %2자입니다. API Gateway에는 20~128자가 필요합니다</translation>
    </message>
    <message>
        <source>use a long random string</source>
        <translation>긴 무작위 문자열을 쓰세요</translation>
    </message>
    <message>
        <source>the value of API key &apos;%1&apos; is also used by %2</source>
        <translation>API 키 &apos;%1&apos;의 값을 %2에서도 씁니다</translation>
    </message>
    <message>
        <source>API key values must be unique</source>
        <translation>API 키 값은 고유해야 합니다</translation>
    </message>
    <message>
        <source>the quota limit must be above 0, found %1</source>
        <translation>할당량 한도는 0보다 커야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>the number of requests allowed per period</source>
        <translation>기간마다 허용되는 요청 수</translation>
    </message>
    <message>
        <source>quota period &apos;%1&apos; is not supported</source>
        <translation>할당량 기간 &apos;%1&apos;은(는) 지원되지 않습니다</translation>
    </message>
    <message>
        <source>use DAY, WEEK or MONTH</source>
        <translation>DAY, WEEK, MONTH 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>an authorizer needs a name</source>
        <translation>권한 부여자에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>routes refer to it by this name</source>
        <translation>라우트는 이 이름으로 권한 부여자를 참조합니다</translation>
    </message>
    <message>
        <source>a notification needs at least one event type</source>
        <translation>알림에는 이벤트 유형이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>e.g. [&quot;s3:ObjectCreated:*&quot;]</source>
        <translation>예: [&quot;s3:ObjectCreated:*&quot;]</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an S3 event type</source>
        <translation>&apos;%1&apos;은(는) S3 이벤트 유형이 아닙니다</translation>
    </message>
    <message>
        <source>overlaps %1 for &apos;%2&apos; with overlapping prefix and suffix filters; S3 rejects this as &quot;Configuration is ambiguously defined&quot;</source>
        <translation>&apos;%2&apos;에 대해 %1과(와) 접두사·접미사 필터가 겹칩니다. S3는 이를 &quot;Configuration is ambiguously defined&quot;로 거부합니다</translation>
    </message>
    <message>
        <source>make the prefixes or suffixes disjoint, or merge the two rules</source>
        <translation>접두사나 접미사가 겹치지 않게 하거나 두 규칙을 합치세요</translation>
    </message>
    <message>
        <source>a bucket needs a name</source>
        <translation>버킷에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>e.g. &quot;my-uploads&quot;</source>
        <translation>예: &quot;my-uploads&quot;</translation>
    </message>
    <message>
        <source>use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit</source>
        <translation>소문자, 숫자, 점, 하이픈을 3~63자로 쓰고, 문자나 숫자로 시작하고 끝나게 하세요</translation>
    </message>
    <message>
        <source>a schedule needs a name</source>
        <translation>일정에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>e.g. &quot;nightly-report&quot;</source>
        <translation>예: &quot;nightly-report&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid schedule name</source>
        <translation>&apos;%1&apos;은(는) 올바른 일정 이름이 아닙니다</translation>
    </message>
    <message>
        <source>use 1 to 64 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;</source>
        <translation>문자, 숫자, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;를 1~64자로 쓰세요</translation>
    </message>
    <message>
        <source>e.g. &apos;rate(5 minutes)&apos; or &apos;cron(0 10 * * ? *)&apos; (10:00 every day)</source>
        <translation>예: &apos;rate(5 minutes)&apos; 또는 &apos;cron(0 10 * * ? *)&apos; (매일 10:00)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; never fires after %2</source>
        <translation>&apos;%1&apos;은(는) %2 이후에 한 번도 실행되지 않습니다</translation>
    </message>
    <message>
        <source>check the year, month and day fields</source>
        <translation>연도, 월, 일 필드를 확인하세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known time zone</source>
        <translation>&apos;%1&apos;은(는) 알려진 시간대가 아닙니다</translation>
    </message>
    <message>
        <source>use an IANA name such as &apos;Europe/Paris&apos;, or leave it empty for UTC</source>
        <translation>&apos;Europe/Paris&apos; 같은 IANA 이름을 쓰거나, UTC라면 비워 두세요</translation>
    </message>
    <message>
        <source>a queue needs a name</source>
        <translation>대기열에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>e.g. &quot;orders&quot; or &quot;orders.fifo&quot;</source>
        <translation>예: &quot;orders&quot; 또는 &quot;orders.fifo&quot;</translation>
    </message>
    <message>
        <source>a FIFO queue&apos;s name must end in &apos;.fifo&apos;</source>
        <translation>FIFO 대기열의 이름은 &apos;.fifo&apos;로 끝나야 합니다</translation>
    </message>
    <message>
        <source>rename it to &apos;%1.fifo&apos;</source>
        <translation>이름을 &apos;%1.fifo&apos;로 바꾸세요</translation>
    </message>
    <message>
        <source>queue &apos;%1&apos; ends in &apos;.fifo&apos; but fifo is false</source>
        <translation>대기열 &apos;%1&apos;의 이름이 &apos;.fifo&apos;로 끝나지만 fifo가 false입니다</translation>
    </message>
    <message>
        <source>set &quot;fifo&quot;: true, or rename the queue</source>
        <translation>&quot;fifo&quot;: true로 설정하거나 대기열 이름을 바꾸세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid queue name</source>
        <translation>&apos;%1&apos;은(는) 올바른 대기열 이름이 아닙니다</translation>
    </message>
    <message>
        <source>use up to 80 letters, digits, &apos;-&apos; or &apos;_&apos; (FIFO names include &apos;.fifo&apos;)</source>
        <translation>문자, 숫자, &apos;-&apos;, &apos;_&apos;를 80자 이내로 쓰세요 (FIFO 이름은 &apos;.fifo&apos; 포함)</translation>
    </message>
    <message>
        <source>SQS allows 1 to 1000 receives</source>
        <translation>SQS는 수신 횟수 1~1000을 허용합니다</translation>
    </message>
    <message>
        <source>a queue cannot be its own dead-letter queue</source>
        <translation>대기열은 자기 자신의 배달 못한 편지 대기열이 될 수 없습니다</translation>
    </message>
    <message>
        <source>name another queue</source>
        <translation>다른 대기열을 지정하세요</translation>
    </message>
    <message>
        <source>references unknown queue &apos;%1&apos;</source>
        <translation>알 수 없는 대기열 &apos;%1&apos;을(를) 참조합니다</translation>
    </message>
    <message>
        <source>the dead-letter queue of a FIFO queue must be a FIFO queue</source>
        <translation>FIFO 대기열의 배달 못한 편지 대기열은 FIFO 대기열이어야 합니다</translation>
    </message>
    <message>
        <source>the dead-letter queue of a standard queue must be a standard queue</source>
        <translation>표준 대기열의 배달 못한 편지 대기열은 표준 대기열이어야 합니다</translation>
    </message>
    <message>
        <source>choose a queue of the same type</source>
        <translation>같은 유형의 대기열을 고르세요</translation>
    </message>
    <message>
        <source>FIFO queues allow batches of 1 to 10</source>
        <translation>FIFO 대기열은 배치 크기 1~10을 허용합니다</translation>
    </message>
    <message>
        <source>standard queues allow batches of 1 to 10000</source>
        <translation>표준 대기열은 배치 크기 1~10000을 허용합니다</translation>
    </message>
    <message>
        <source>use 0 to 300 seconds</source>
        <translation>0~300초를 쓰세요</translation>
    </message>
    <message>
        <source>a batch size above 10 needs maximumBatchingWindowSeconds of at least 1</source>
        <translation>배치 크기가 10보다 크면 maximumBatchingWindowSeconds가 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>set it to 1 or more, or use batches of 10</source>
        <translation>1 이상으로 설정하거나 배치 크기를 10으로 하세요</translation>
    </message>
    <message>
        <source>visibility timeout %1 s is shorter than the timeout of function &apos;%2&apos; (%3 s)</source>
        <translation>표시 제한 시간 %1초가 함수 &apos;%2&apos;의 제한 시간(%3초)보다 짧습니다</translation>
    </message>
    <message>
        <source>raise it; AWS recommends %1 s</source>
        <translation>늘리세요. AWS 권장값은 %1초입니다</translation>
    </message>
    <message>
        <source>visibility timeout %1 s is less than 6 × the timeout of function &apos;%2&apos; (%3 s)</source>
        <translation>표시 제한 시간 %1초가 함수 &apos;%2&apos;의 제한 시간(%3초)의 6배보다 작습니다</translation>
    </message>
    <message>
        <source>AWS recommends six times the function timeout, so messages are not redelivered while still being processed</source>
        <translation>AWS는 처리 중인 메시지가 다시 전달되지 않도록 함수 제한 시간의 6배를 권장합니다</translation>
    </message>
    <message>
        <source>SQS allows 0 to 43200 seconds (12 hours)</source>
        <translation>SQS는 0~43200초(12시간)를 허용합니다</translation>
    </message>
    <message>
        <source>SQS allows 60 seconds to 1209600 seconds (14 days)</source>
        <translation>SQS는 60초~1209600초(14일)를 허용합니다</translation>
    </message>
    <message>
        <source>a function&apos;s dead-letter queue cannot be a FIFO queue</source>
        <translation>함수의 배달 못한 편지 대기열은 FIFO 대기열일 수 없습니다</translation>
    </message>
    <message>
        <source>choose a standard queue</source>
        <translation>표준 대기열을 고르세요</translation>
    </message>
    <message>
        <source>access key id &apos;%1&apos; is not 16 to 128 letters, digits or &apos;_&apos;</source>
        <translation>액세스 키 ID &apos;%1&apos;이(가) 문자, 숫자, &apos;_&apos;로 된 16~128자가 아닙니다</translation>
    </message>
    <message>
        <source>e.g. &apos;AKIAIOSFODNN7EXAMPLE&apos;</source>
        <translation>예: &apos;AKIAIOSFODNN7EXAMPLE&apos;</translation>
    </message>
    <message>
        <source>the secret access key is empty</source>
        <translation>보안 액세스 키가 비어 있습니다</translation>
    </message>
    <message>
        <source>set the secret that clients sign with, or remove &quot;credentials&quot; to accept any signature</source>
        <translation>클라이언트가 서명에 사용하는 보안 키를 설정하거나, 모든 서명을 허용하려면 &quot;credentials&quot;를 제거하세요</translation>
    </message>
    <message>
        <source>the wait before the first retry of a failed asynchronous event (Lambda: 60 s; the second retry waits twice as long)</source>
        <translation>실패한 비동기 이벤트를 처음 재시도하기 전의 대기 시간(Lambda: 60초, 두 번째 재시도는 두 배를 기다림)</translation>
    </message>
    <message>
        <source>a destination is either a queue or a function, not both</source>
        <translation>대상은 대기열이나 함수 중 하나이며, 둘 다일 수는 없습니다</translation>
    </message>
    <message>
        <source>keep &quot;queue&quot; or &quot;function&quot;</source>
        <translation>&quot;queue&quot;나 &quot;function&quot; 중 하나만 남기세요</translation>
    </message>
    <message>
        <source>a destination cannot be a FIFO queue</source>
        <translation>대상은 FIFO 대기열일 수 없습니다</translation>
    </message>
    <message>
        <source>a function cannot be its own destination</source>
        <translation>함수는 자기 자신을 대상으로 삼을 수 없습니다</translation>
    </message>
    <message>
        <source>each record would invoke it again, without end</source>
        <translation>기록마다 함수를 다시 호출해 끝없이 이어집니다</translation>
    </message>
    <message>
        <source>Lambda retries a failed asynchronous event 0, 1 or 2 times</source>
        <translation>Lambda는 실패한 비동기 이벤트를 0, 1 또는 2회 재시도합니다</translation>
    </message>
    <message>
        <source>60 seconds to 6 hours (21600 seconds)</source>
        <translation>60초~6시간(21600초)</translation>
    </message>
    <message>
        <source>delete markers are created only in a bucket with versioning; this event never happens here</source>
        <translation>삭제 마커는 버전 관리를 켠 버킷에서만 생깁니다. 여기서는 이 이벤트가 일어나지 않습니다</translation>
    </message>
    <message>
        <source>set &quot;versioning&quot;: true, or subscribe to s3:ObjectRemoved:Delete</source>
        <translation>&quot;versioning&quot;: true를 설정하거나 s3:ObjectRemoved:Delete를 구독하세요</translation>
    </message>
</context>
<context>
    <name>gatehouse::WarningsPanel</name>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>오류 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>경고 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>경고 없음</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>%1
Hint: %2</source>
        <translation>%1
힌트: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::WebSocketSession</name>
    <message>
        <source>route &apos;%1&apos;: HTTP integrations are not supported on WebSocket APIs yet</source>
        <translation>라우트 &apos;%1&apos;: WebSocket API에서는 아직 HTTP 통합을 지원하지 않습니다</translation>
    </message>
    <message>
        <source>route &apos;%1&apos;: function &apos;%2&apos; failed: %3: %4</source>
        <translation>라우트 &apos;%1&apos;: 함수 &apos;%2&apos;이(가) 실패했습니다: %3: %4</translation>
    </message>
    <message>
        <source>route &apos;$disconnect&apos;: function &apos;%1&apos; failed: %2: %3</source>
        <translation>라우트 &apos;$disconnect&apos;: 함수 &apos;%1&apos;이(가) 실패했습니다: %2: %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::Wiring</name>
    <message>
        <source>That part of the project no longer exists.</source>
        <translation>프로젝트의 해당 항목이 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>A node cannot be wired to itself.</source>
        <translation>노드를 자기 자신에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>Already wired: %1 to %2.</source>
        <translation>이미 연결되어 있습니다: %1 → %2.</translation>
    </message>
    <message>
        <source>Routes belong to their API: drop a route from the palette onto the API to add one.</source>
        <translation>라우트는 API에 속합니다. 라우트를 추가하려면 팔레트에서 API 위로 끌어 놓으세요.</translation>
    </message>
    <message>
        <source>A route is wired to the function its integration calls.</source>
        <translation>라우트는 통합이 호출하는 함수에 연결됩니다.</translation>
    </message>
    <message>
        <source>Only Lambda authorizers call a function; %1 is a %2 authorizer.</source>
        <translation>함수를 호출하는 것은 Lambda 권한 부여자뿐입니다. %1은(는) %2 권한 부여자입니다.</translation>
    </message>
    <message>
        <source>An authorizer is wired to the routes it protects (or, for a Lambda authorizer, to its function).</source>
        <translation>권한 부여자는 보호하는 라우트에 연결됩니다 (Lambda 권한 부여자는 그 함수에도 연결됩니다).</translation>
    </message>
    <message>
        <source>A bucket&apos;s notifications invoke functions: wire it to a function.</source>
        <translation>버킷 알림은 함수를 호출합니다. 버킷을 함수에 연결하세요.</translation>
    </message>
    <message>
        <source>A schedule invokes a function: wire it to a function.</source>
        <translation>일정은 함수를 호출합니다. 일정을 함수에 연결하세요.</translation>
    </message>
    <message>
        <source>A queue is wired to the function that consumes it, or to its dead-letter queue.</source>
        <translation>대기열은 메시지를 처리하는 함수나 배달 못한 편지 대기열에 연결됩니다.</translation>
    </message>
    <message>
        <source>A function is wired only to a queue, its dead-letter queue. Wire routes, triggers and authorizers from their own nodes to the function.</source>
        <translation>함수는 대기열(배달 못한 편지 대기열)에만 연결됩니다. 라우트, 트리거, 권한 부여자는 각자의 노드에서 함수로 연결하세요.</translation>
    </message>
    <message>
        <source>Nothing can be wired from %1.</source>
        <translation>%1에서는 아무것도 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>Not wired: %1.</source>
        <translation>연결하지 않았습니다: %1.</translation>
    </message>
    <message>
        <source>Wire %1 to %2</source>
        <translation>%1을(를) %2에 연결</translation>
    </message>
    <message>
        <source>A route cannot leave its API; delete the route instead.</source>
        <translation>라우트는 API에서 분리할 수 없습니다. 대신 라우트를 삭제하세요.</translation>
    </message>
    <message>
        <source>That wire no longer exists.</source>
        <translation>해당 연결이 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Unwire %1 from %2</source>
        <translation>%2에서 %1 연결 해제</translation>
    </message>
</context>
<context>
    <name>gatehouse::cli</name>
    <message>
        <source>Usage: gatehouse [PROJECT]          open the studio (GUI) on a project
       gatehouse COMMAND [ARGS...]  run a command without a window

Commands:
</source>
        <translation>사용법: gatehouse [PROJECT]          프로젝트를 스튜디오(GUI)로 엽니다
        gatehouse COMMAND [ARGS...]  창 없이 명령을 실행합니다

명령:
</translation>
    </message>
    <message>
        <source>
Options:
  -h, --help     show this help (COMMAND --help for a command&apos;s options)
  -v, --version  show the version

With no PROJECT the GUI opens a writable copy of the bundled sample project.</source>
        <translation>
옵션:
  -h, --help     이 도움말을 표시합니다 (명령의 옵션은 COMMAND --help)
  -v, --version  버전을 표시합니다

PROJECT를 지정하지 않으면 GUI가 내장 샘플 프로젝트의 쓰기 가능한 사본을 엽니다.</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>알 수 없는 옵션 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Check a project and print its problems.</source>
        <translation>프로젝트를 검사하고 문제를 출력합니다.</translation>
    </message>
    <message>
        <source>Project folder or its gatehouse.json.</source>
        <translation>프로젝트 폴더 또는 그 안의 gatehouse.json.</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>출력 형식: text(기본값) 또는 json.</translation>
    </message>
    <message>
        <source>validate needs exactly one PROJECT argument</source>
        <translation>validate에는 PROJECT 인수가 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos; (use text or json)</source>
        <translation>알 수 없는 --format &apos;%1&apos; (text 또는 json을 사용하세요)</translation>
    </message>
    <message>
        <source>gatehouse: cannot read %1: no such project</source>
        <translation>gatehouse: %1을(를) 읽을 수 없습니다: 그런 프로젝트가 없습니다</translation>
    </message>
    <message>
        <source>%1: %2 error(s), %3 warning(s)</source>
        <translation>%1: 오류 %2개, 경고 %3개</translation>
    </message>
    <message>
        <source>%1: OK (%2 functions, %3 APIs, %4 buckets, %5 schedules, %6 queues; %7 warning(s))</source>
        <translation>%1: 정상 (함수 %2개, API %3개, 버킷 %4개, 일정 %5개, 대기열 %6개, 경고 %7개)</translation>
    </message>
    <message>
        <source>check a project; exit 0 when clean, 1 with errors, 2 on usage errors</source>
        <translation>프로젝트를 검사합니다. 문제가 없으면 0, 오류가 있으면 1, 사용법 오류면 2로 끝납니다</translation>
    </message>
    <message>
        <source>cannot read the event file %1: %2</source>
        <translation>이벤트 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the event in %1 is not valid JSON: %2</source>
        <translation>%1의 이벤트가 올바른 JSON이 아닙니다: %2</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>표준 입력</translation>
    </message>
    <message>
        <source>Run one function of a project locally, as Lambda would, and print its result on stdout and its logs (START..REPORT) on stderr.</source>
        <translation>프로젝트의 함수 하나를 Lambda처럼 로컬에서 실행하고, 결과는 stdout에, 로그(START..REPORT)는 stderr에 출력합니다.</translation>
    </message>
    <message>
        <source>Name of the function to invoke.</source>
        <translation>호출할 함수의 이름.</translation>
    </message>
    <message>
        <source>The event: a JSON file, or - for standard input (default {}).</source>
        <translation>이벤트: JSON 파일, 또는 표준 입력이면 - (기본값 {}).</translation>
    </message>
    <message>
        <source>invoke needs a PROJECT and a FUNCTION argument</source>
        <translation>invoke에는 PROJECT와 FUNCTION 인수가 필요합니다</translation>
    </message>
    <message>
        <source>gatehouse: cannot read %1</source>
        <translation>gatehouse: %1을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>gatehouse: no function &apos;%1&apos; in %2 (functions: %3)</source>
        <translation>gatehouse: %2에 함수 &apos;%1&apos;이(가) 없습니다 (함수: %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>run a function locally; payload on stdout, logs on stderr; exit 1 on a function error</source>
        <translation>함수를 로컬에서 실행합니다. 페이로드는 stdout, 로그는 stderr로 출력하고 함수 오류면 1로 끝납니다</translation>
    </message>
    <message>
        <source>Export a project as an AWS SAM template, OpenAPI documents, a serverless.yml service or a Postman collection.</source>
        <translation>프로젝트를 AWS SAM 템플릿, OpenAPI 문서, serverless.yml 서비스 또는 Postman 컬렉션으로 내보냅니다.</translation>
    </message>
    <message>
        <source>sam, openapi, serverless or postman.</source>
        <translation>sam, openapi, serverless 또는 postman.</translation>
    </message>
    <message>
        <source>Output file or folder (a folder: an existing one, or a path ending in &apos;/&apos;). Without it a single-file export is printed on stdout.</source>
        <translation>출력 파일 또는 폴더 (폴더: 기존 폴더나 &apos;/&apos;로 끝나는 경로). 지정하지 않으면 단일 파일 내보내기를 stdout에 출력합니다.</translation>
    </message>
    <message>
        <source>Do not copy the functions&apos; code next to the template (SAM, serverless).</source>
        <translation>함수 코드를 템플릿 옆에 복사하지 않습니다 (SAM, serverless).</translation>
    </message>
    <message>
        <source>OpenAPI: write JSON instead of YAML.</source>
        <translation>OpenAPI: YAML 대신 JSON으로 씁니다.</translation>
    </message>
    <message>
        <source>serverless: the buckets exist already (s3 events get existing: true).</source>
        <translation>serverless: 버킷이 이미 있습니다 (s3 이벤트에 existing: true 지정).</translation>
    </message>
    <message>
        <source>Exit with 1 when the format cannot hold everything.</source>
        <translation>형식이 모든 것을 담을 수 없으면 1로 끝냅니다.</translation>
    </message>
    <message>
        <source>export needs exactly one PROJECT argument</source>
        <translation>export에는 PROJECT 인수가 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos; (use sam, openapi, serverless or postman)</source>
        <translation>알 수 없는 --format &apos;%1&apos; (sam, openapi, serverless, postman 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>export needs --format sam|openapi|serverless|postman</source>
        <translation>export에는 --format sam|openapi|serverless|postman이 필요합니다</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; nothing was exported</source>
        <translation>gatehouse: %1에 오류가 있어 아무것도 내보내지 않았습니다</translation>
    </message>
    <message>
        <source>gatehouse: export to %1 failed</source>
        <translation>gatehouse: %1(으)로 내보내지 못했습니다</translation>
    </message>
    <message>
        <source>this export produces %1 files; give a folder with -o DIR</source>
        <translation>이 내보내기는 파일 %1개를 만듭니다. -o DIR로 폴더를 지정하세요</translation>
    </message>
    <message>
        <source>exported %1 to %2: %3 file(s) written, %4 unchanged, %5 warning(s)</source>
        <translation>%1을(를) %2(으)로 내보냈습니다: 파일 %3개 작성, %4개 변경 없음, 경고 %5개</translation>
    </message>
    <message>
        <source>write the project for another tool; what the format cannot hold is listed as warnings</source>
        <translation>다른 도구용으로 프로젝트를 씁니다. 형식이 담을 수 없는 것은 경고로 나열합니다</translation>
    </message>
    <message>
        <source>Create a project from an AWS SAM template, an OpenAPI document or a Postman collection (with environment files).</source>
        <translation>AWS SAM 템플릿, OpenAPI 문서 또는 Postman 컬렉션(환경 파일 포함)으로 프로젝트를 만듭니다.</translation>
    </message>
    <message>
        <source>The file to import (Postman: a collection and environments).</source>
        <translation>가져올 파일 (Postman: 컬렉션과 환경).</translation>
    </message>
    <message>
        <source>sam, openapi or postman.</source>
        <translation>sam, openapi 또는 postman.</translation>
    </message>
    <message>
        <source>The new project&apos;s folder.</source>
        <translation>새 프로젝트의 폴더.</translation>
    </message>
    <message>
        <source>The project&apos;s name (default: from the file).</source>
        <translation>프로젝트 이름 (기본값: 파일에서 가져옴).</translation>
    </message>
    <message>
        <source>Replace an existing gatehouse.json and code files.</source>
        <translation>기존 gatehouse.json과 코드 파일을 바꿉니다.</translation>
    </message>
    <message>
        <source>import needs a FILE argument</source>
        <translation>import에는 FILE 인수가 필요합니다</translation>
    </message>
    <message>
        <source>unknown --from &apos;%1&apos; (use sam, openapi or postman)</source>
        <translation>알 수 없는 --from &apos;%1&apos; (sam, openapi, postman 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>import needs --from sam|openapi|postman</source>
        <translation>import에는 --from sam|openapi|postman이 필요합니다</translation>
    </message>
    <message>
        <source>import needs -o PROJECT_DIR</source>
        <translation>import에는 -o PROJECT_DIR이 필요합니다</translation>
    </message>
    <message>
        <source>gatehouse: %1 already exists; use --force to replace it</source>
        <translation>gatehouse: %1이(가) 이미 있습니다. 바꾸려면 --force를 쓰세요</translation>
    </message>
    <message>
        <source>gatehouse: cannot read %1: %2</source>
        <translation>gatehouse: %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>gatehouse: nothing was imported (%1 error(s))</source>
        <translation>gatehouse: 아무것도 가져오지 않았습니다 (오류 %1개)</translation>
    </message>
    <message>
        <source>gatehouse: kept the existing %1 (use --force to replace it)</source>
        <translation>gatehouse: 기존 %1을(를) 유지했습니다 (바꾸려면 --force를 쓰세요)</translation>
    </message>
    <message>
        <source>gatehouse: cannot save the project: %1</source>
        <translation>gatehouse: 프로젝트를 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>imported %1 into %2: %3 function(s), %4 API(s) with %5 route(s), %6 bucket(s), %7 queue(s), %8 schedule(s), %9 request(s); %10 code file(s) written; %11 warning(s)</source>
        <translation>%1을(를) %2(으)로 가져왔습니다: 함수 %3개, API %4개(라우트 %5개), 버킷 %6개, 대기열 %7개, 일정 %8개, 요청 %9개, 코드 파일 %10개 작성, 경고 %11개</translation>
    </message>
    <message>
        <source>create a project from another tool&apos;s file; what cannot be imported is listed as warnings</source>
        <translation>다른 도구의 파일로 프로젝트를 만듭니다. 가져올 수 없는 것은 경고로 나열합니다</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1; 0.0.0.0 exposes the APIs to your network).</source>
        <translation>수신 대기할 주소 (기본값 127.0.0.1; 0.0.0.0이면 API가 네트워크에 노출됩니다).</translation>
    </message>
    <message>
        <source>First port for APIs without a port of their own; the next APIs and the Invoke API take the following ports (default: free ports).</source>
        <translation>자체 포트가 없는 API의 첫 포트. 나머지 API와 Invoke API는 그다음 포트를 차례로 씁니다 (기본값: 빈 포트).</translation>
    </message>
    <message>
        <source>Port of the Lambda Invoke API.</source>
        <translation>Lambda Invoke API의 포트.</translation>
    </message>
    <message>
        <source>Print no access or function logs.</source>
        <translation>액세스 로그와 함수 로그를 출력하지 않습니다.</translation>
    </message>
    <message>
        <source>Do not reload when the project file changes.</source>
        <translation>프로젝트 파일이 바뀌어도 다시 불러오지 않습니다.</translation>
    </message>
    <message>
        <source>serve needs exactly one PROJECT argument</source>
        <translation>serve에는 PROJECT 인수가 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <source>--host wants an IP address such as 127.0.0.1, not &apos;%1&apos;</source>
        <translation>--host에는 &apos;%1&apos;이(가) 아니라 127.0.0.1 같은 IP 주소가 필요합니다</translation>
    </message>
    <message>
        <source>--port wants a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--port에는 &apos;%1&apos;이(가) 아니라 0에서 65535 사이의 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>--invoke-port wants a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--invoke-port에는 &apos;%1&apos;이(가) 아니라 0에서 65535 사이의 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>gatehouse: stopped</source>
        <translation>gatehouse: 중지했습니다</translation>
    </message>
    <message>
        <source>serve the project&apos;s APIs and the Lambda Invoke API locally until Ctrl+C</source>
        <translation>Ctrl+C를 누를 때까지 프로젝트의 API와 Lambda Invoke API를 로컬에서 제공합니다</translation>
    </message>
    <message>
        <source>Serve a project&apos;s HTTP, REST and WebSocket APIs locally as API Gateway would, each on its own port, plus the Lambda Invoke API. Access logs go to stdout, function logs and errors to stderr. Editing the project or a function&apos;s code applies without a restart. Stop with Ctrl+C.</source>
        <translation>프로젝트의 HTTP, REST, WebSocket API를 API Gateway처럼 각각 자체 포트에서 로컬로 제공하고, Lambda Invoke API도 함께 제공합니다. 액세스 로그는 stdout에, 함수 로그와 오류는 stderr에 출력합니다. 프로젝트나 함수 코드를 고치면 다시 시작하지 않아도 적용됩니다. Ctrl+C로 중지합니다.</translation>
    </message>
    <message>
        <source>WebSocket APIs: largest message in KB (default 128; larger closes the connection with code 1009).</source>
        <translation>WebSocket API: 최대 메시지 크기(KB, 기본값 128, 넘으면 코드 1009로 연결을 닫습니다).</translation>
    </message>
    <message>
        <source>WebSocket APIs: largest frame in KB (default 32).</source>
        <translation>WebSocket API: 최대 프레임 크기(KB, 기본값 32).</translation>
    </message>
    <message>
        <source>WebSocket APIs: idle timeout in seconds (default 600).</source>
        <translation>WebSocket API: 유휴 시간 제한(초, 기본값 600).</translation>
    </message>
    <message>
        <source>WebSocket APIs: longest connection in seconds (default 7200).</source>
        <translation>WebSocket API: 최대 연결 시간(초, 기본값 7200).</translation>
    </message>
    <message>
        <source>--%1 wants a positive number, not &apos;%2&apos;</source>
        <translation>--%1에는 양수가 필요합니다. &apos;%2&apos;은(는) 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>HTTP API request, payload format 2.0</source>
        <translation>HTTP API 요청, 페이로드 형식 2.0</translation>
    </message>
    <message>
        <source>REST API proxy request, payload format 1.0</source>
        <translation>REST API 프록시 요청, 페이로드 형식 1.0</translation>
    </message>
    <message>
        <source>S3 notification for an uploaded object (ObjectCreated:Put)</source>
        <translation>업로드된 객체에 대한 S3 알림 (ObjectCreated:Put)</translation>
    </message>
    <message>
        <source>S3 notification for a deleted object (ObjectRemoved:Delete)</source>
        <translation>삭제된 객체에 대한 S3 알림 (ObjectRemoved:Delete)</translation>
    </message>
    <message>
        <source>EventBridge &quot;Scheduled Event&quot; of a schedule rule</source>
        <translation>일정 규칙의 EventBridge &quot;Scheduled Event&quot;</translation>
    </message>
    <message>
        <source>SQS batch with one received message</source>
        <translation>받은 메시지 하나가 담긴 SQS 배치</translation>
    </message>
    <message>
        <source>WebSocket API text message on the $default route</source>
        <translation>$default 라우트의 WebSocket API 텍스트 메시지</translation>
    </message>
    <message>
        <source>Types:
</source>
        <translation>유형:
</translation>
    </message>
    <message>
        <source>HTTP method of the request (default GET).</source>
        <translation>요청의 HTTP 메서드 (기본값 GET).</translation>
    </message>
    <message>
        <source>Request path, with an optional ?query (default /).</source>
        <translation>요청 경로, ?query를 붙일 수 있음 (기본값 /).</translation>
    </message>
    <message>
        <source>Request or message body; for s3 put, the object&apos;s content.</source>
        <translation>요청 또는 메시지 본문. s3 put이면 객체의 내용.</translation>
    </message>
    <message>
        <source>S3 bucket name (default example-bucket).</source>
        <translation>S3 버킷 이름 (기본값 example-bucket).</translation>
    </message>
    <message>
        <source>S3 object key as stored; the event carries it URL-encoded (default test/key).</source>
        <translation>저장된 그대로의 S3 객체 키. 이벤트에는 URL 인코딩되어 담깁니다 (기본값 test/key).</translation>
    </message>
    <message>
        <source>S3 object size in bytes (default: the body&apos;s size).</source>
        <translation>S3 객체 크기(바이트) (기본값: 본문의 크기).</translation>
    </message>
    <message>
        <source>S3 object ETag (default: the MD5 of the body).</source>
        <translation>S3 객체 ETag (기본값: 본문의 MD5).</translation>
    </message>
    <message>
        <source>SQS queue name (default my-queue).</source>
        <translation>SQS 대기열 이름 (기본값 my-queue).</translation>
    </message>
    <message>
        <source>EventBridge rule name (default my-schedule).</source>
        <translation>EventBridge 규칙 이름 (기본값 my-schedule).</translation>
    </message>
    <message>
        <source>AWS Region (default: the project&apos;s, else us-east-1).</source>
        <translation>AWS 리전 (기본값: 프로젝트의 리전, 없으면 us-east-1).</translation>
    </message>
    <message>
        <source>AWS account id (default: the project&apos;s, else 123456789012).</source>
        <translation>AWS 계정 ID (기본값: 프로젝트의 계정 ID, 없으면 123456789012).</translation>
    </message>
    <message>
        <source>Project folder or gatehouse.json whose settings give the Region and account.</source>
        <translation>리전과 계정을 설정에서 가져올 프로젝트 폴더 또는 gatehouse.json.</translation>
    </message>
    <message>
        <source>Event time, ISO 8601 (default: now).</source>
        <translation>이벤트 시간, ISO 8601 (기본값: 현재 시간).</translation>
    </message>
    <message>
        <source>cannot read %1: no such project</source>
        <translation>%1을(를) 읽을 수 없습니다: 그런 프로젝트가 없습니다</translation>
    </message>
    <message>
        <source>--size needs a number of bytes, not &apos;%1&apos;</source>
        <translation>--size에는 &apos;%1&apos;이(가) 아니라 바이트 수가 필요합니다</translation>
    </message>
    <message>
        <source>--time needs an ISO 8601 time such as 2024-05-01T12:00:00Z, not &apos;%1&apos;</source>
        <translation>--time에는 &apos;%1&apos;이(가) 아니라 2024-05-01T12:00:00Z 같은 ISO 8601 시간이 필요합니다</translation>
    </message>
    <message>
        <source>Print the event AWS would send a function, as pretty JSON on stdout (like &apos;sam local generate-event&apos;). TYPE --help lists a type&apos;s options.

</source>
        <translation>AWS가 함수에 보낼 이벤트를 보기 좋은 JSON으로 stdout에 출력합니다 (&apos;sam local generate-event&apos;와 같은 방식). TYPE --help는 해당 유형의 옵션을 나열합니다.

</translation>
    </message>
    <message>
        <source>apigateway, s3, schedule, sqs or websocket.</source>
        <translation>apigateway, s3, schedule, sqs 또는 websocket.</translation>
    </message>
    <message>
        <source>http|rest, put|delete, message.</source>
        <translation>http|rest, put|delete, message.</translation>
    </message>
    <message>
        <source>generate-event needs a TYPE</source>
        <translation>generate-event에는 TYPE이 필요합니다</translation>
    </message>
    <message>
        <source>unknown event type &apos;%1&apos;</source>
        <translation>알 수 없는 이벤트 유형 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no subtype</source>
        <translation>&apos;%1&apos;에는 하위 유형이 없습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a subtype: %2</source>
        <translation>&apos;%1&apos;에는 하위 유형이 필요합니다: %2</translation>
    </message>
    <message>
        <source>unknown subtype &apos;%1&apos; of &apos;%2&apos; (use %3)</source>
        <translation>&apos;%2&apos;의 알 수 없는 하위 유형 &apos;%1&apos; (%3 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>print an AWS event (apigateway http|rest, s3 put|delete, schedule, sqs, websocket message)</source>
        <translation>AWS 이벤트를 출력합니다 (apigateway http|rest, s3 put|delete, schedule, sqs, websocket message)</translation>
    </message>
    <message>
        <source>Run a project&apos;s saved requests and their assertions against the project itself: its APIs are started locally on free ports, as `serve` would, and stopped afterwards. Prints one line per request and a summary; exits with 1 if any request fails. In URLs, headers and bodies, {{NAME}} takes the environment&apos;s variables and, for each HTTP or REST API, its local base URL as {{api-name}}, {{apiName}} and (the first API) {{baseUrl}}; these win over the environment.</source>
        <translation>프로젝트의 저장된 요청과 그 검증을 프로젝트 자체에 대해 실행합니다: 프로젝트의 API를 `serve`처럼 빈 포트에서 로컬로 시작하고 끝나면 중지합니다. 요청마다 한 줄과 요약을 출력하며, 실패한 요청이 하나라도 있으면 1로 끝납니다. URL, 헤더, 본문에서 {{NAME}}은 환경의 변수를 받고, 각 HTTP 또는 REST API의 로컬 기본 URL은 {{api-name}}, {{apiName}}, (첫 번째 API는) {{baseUrl}}로 받습니다. 이 값들이 환경보다 우선합니다.</translation>
    </message>
    <message>
        <source>The environment (variable set) to use (default: the first).</source>
        <translation>사용할 환경(변수 집합) (기본값: 첫 번째 환경).</translation>
    </message>
    <message>
        <source>Run only the requests whose name is or starts with this (repeatable).</source>
        <translation>이름이 이 값이거나 이 값으로 시작하는 요청만 실행합니다 (여러 번 지정 가능).</translation>
    </message>
    <message>
        <source>Longest wait for each response in milliseconds (default 30000).</source>
        <translation>각 응답을 기다리는 최대 시간(밀리초, 기본값 30000).</translation>
    </message>
    <message>
        <source>Print the results as JSON.</source>
        <translation>결과를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>test needs exactly one PROJECT argument</source>
        <translation>test에는 PROJECT 인수가 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <source>--timeout wants a positive number of milliseconds, not &apos;%1&apos;</source>
        <translation>--timeout에는 &apos;%1&apos;이(가) 아니라 양수 밀리초 값이 필요합니다</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; fix them before testing</source>
        <translation>gatehouse: %1에 오류가 있습니다. 테스트하기 전에 고치세요</translation>
    </message>
    <message>
        <source>gatehouse: no environment &apos;%1&apos; in %2 (environments: %3)</source>
        <translation>gatehouse: %2에 환경 &apos;%1&apos;이(가) 없습니다 (환경: %3)</translation>
    </message>
    <message>
        <source>gatehouse: %1 has no saved requests</source>
        <translation>gatehouse: %1에 저장된 요청이 없습니다</translation>
    </message>
    <message>
        <source>gatehouse: no saved request matches %1 (requests: %2)</source>
        <translation>gatehouse: %1과(와) 일치하는 저장된 요청이 없습니다 (요청: %2)</translation>
    </message>
    <message>
        <source>gatehouse: note: %1</source>
        <translation>gatehouse: 참고: %1</translation>
    </message>
    <message>
        <source>gatehouse: %1</source>
        <translation>gatehouse: %1</translation>
    </message>
    <message>
        <source>run the saved requests&apos; assertions against the project served locally; exit 1 on a failure</source>
        <translation>저장된 요청의 검증을 로컬에서 제공하는 프로젝트에 대해 실행합니다. 실패가 있으면 1로 끝납니다</translation>
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
        <translation>통과 %1개, 실패 %2개</translation>
    </message>
    <message>
        <source>Load-test one of a project&apos;s saved requests against the project itself: its APIs are started locally on free ports, as `test` does, and the request is sent from N kept-alive connections for a duration or a number of requests. Prints latency percentiles, requests per second, status codes, errors, and what a month at the measured rate would cost on AWS. Exits with 1 if any request got no response or a 5xx.</source>
        <translation>프로젝트의 저장된 요청 하나를 프로젝트 자체에 대해 부하 테스트합니다: `test`처럼 프로젝트의 API를 빈 포트에서 로컬로 시작하고, 지정한 시간 동안 또는 지정한 요청 수만큼 연결 N개(keep-alive)에서 요청을 보냅니다. 지연 시간 백분위수, 초당 요청 수, 상태 코드, 오류, 측정한 속도로 한 달 동안 실행할 때의 AWS 비용을 출력합니다. 응답을 받지 못하거나 5xx를 받은 요청이 하나라도 있으면 1로 끝납니다.</translation>
    </message>
    <message>
        <source>The saved request to send (its name or a unique prefix).</source>
        <translation>보낼 저장된 요청 (이름 또는 고유한 접두사).</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 10).</source>
        <translation>동시에 처리 중인 요청 수 (기본값 10).</translation>
    </message>
    <message>
        <source>Send for this many seconds (default 10).</source>
        <translation>이 시간(초) 동안 보냅니다 (기본값 10).</translation>
    </message>
    <message>
        <source>Send exactly this many requests instead.</source>
        <translation>대신 정확히 이 수만큼 요청을 보냅니다.</translation>
    </message>
    <message>
        <source>load needs exactly one PROJECT argument</source>
        <translation>load에는 PROJECT 인수가 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <source>load needs --request NAME</source>
        <translation>load에는 --request NAME이 필요합니다</translation>
    </message>
    <message>
        <source>give --duration or --count, not both</source>
        <translation>--duration과 --count 중 하나만 지정하세요</translation>
    </message>
    <message>
        <source>--concurrency wants a number from 1 to %1, not &apos;%2&apos;</source>
        <translation>--concurrency에는 &apos;%2&apos;이(가) 아니라 1에서 %1 사이의 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>--duration wants a positive number of seconds, not &apos;%1&apos;</source>
        <translation>--duration에는 &apos;%1&apos;이(가) 아니라 양수 초 값이 필요합니다</translation>
    </message>
    <message>
        <source>--count wants a positive number, not &apos;%1&apos;</source>
        <translation>--count에는 &apos;%1&apos;이(가) 아니라 양수가 필요합니다</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; fix them before load-testing</source>
        <translation>gatehouse: %1에 오류가 있습니다. 부하 테스트하기 전에 고치세요</translation>
    </message>
    <message>
        <source>gatehouse: no saved request &apos;%1&apos; in %2 (requests: %3)</source>
        <translation>gatehouse: %2에 저장된 요청 &apos;%1&apos;이(가) 없습니다 (요청: %3)</translation>
    </message>
    <message>
        <source>gatehouse: no value for {{%1}} in &apos;%2&apos;</source>
        <translation>gatehouse: &apos;%2&apos;에 {{%1}}의 값이 없습니다</translation>
    </message>
    <message>
        <source>load-test a saved request against the project served locally: latency, throughput, cost</source>
        <translation>저장된 요청을 로컬에서 제공하는 프로젝트에 대해 부하 테스트합니다: 지연 시간, 처리량, 비용</translation>
    </message>
    <message>
        <source>Load test: %1 (%2 %3)</source>
        <translation>부하 테스트: %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Requests:     %1 completed of %2 sent in %3 s with %4 connections%5</source>
        <translation>요청:         %2건 보냄, %1건 완료, %3초, 연결 %4개%5</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (취소됨)</translation>
    </message>
    <message>
        <source>Throughput:   %1 requests/s</source>
        <translation>처리량:       %1건/초</translation>
    </message>
    <message>
        <source>Status codes: %1</source>
        <translation>상태 코드:    %1</translation>
    </message>
    <message>
        <source>Errors:       %1</source>
        <translation>오류:         %1</translation>
    </message>
    <message>
        <source>%1 (first: %2)</source>
        <translation>%1 (첫 번째: %2)</translation>
    </message>
    <message>
        <source>Latency (ms): p50 %1  p90 %2  p95 %3  p99 %4  max %5  mean %6</source>
        <translation>지연 시간(ms): p50 %1  p90 %2  p95 %3  p99 %4  최대 %5  평균 %6</translation>
    </message>
    <message>
        <source>Transfer:     %1 sent, %2 received</source>
        <translation>전송:         %1 보냄, %2 받음</translation>
    </message>
    <message>
        <source>Route:        %1</source>
        <translation>라우트:       %1</translation>
    </message>
    <message>
        <source>none matched</source>
        <translation>일치하는 라우트 없음</translation>
    </message>
    <message>
        <source>Functions:    %1</source>
        <translation>함수:         %1</translation>
    </message>
    <message>
        <source>none invoked</source>
        <translation>호출된 함수 없음</translation>
    </message>
    <message>
        <source>Projected:    %1 a month at %2 requests/s (%3; list prices, no free tier)</source>
        <translation>예상 비용:    초당 %2건 기준 월 %1 (%3; 정가, 프리 티어 제외)</translation>
    </message>
    <message>
        <source>nothing billable</source>
        <translation>청구 대상 없음</translation>
    </message>
    <message>
        <source>Write the endpoint URLs as JSON to this file once everything listens (removed again on stop; default PROJECT/.gatehouse/endpoints.json, where send-message looks).</source>
        <translation>모든 것이 수신 대기하면 엔드포인트 URL을 JSON으로 이 파일에 씁니다 (중지하면 다시 제거됨. 기본값은 send-message가 찾는 PROJECT/.gatehouse/endpoints.json).</translation>
    </message>
    <message>
        <source>--attribute %1: expected Name=Type:Value, e.g. priority=Number:3</source>
        <translation>--attribute %1: Name=Type:Value 형식이어야 합니다 (예: priority=Number:3)</translation>
    </message>
    <message>
        <source>--attribute %1: a Binary value is given as base64</source>
        <translation>--attribute %1: Binary 값은 base64로 지정합니다</translation>
    </message>
    <message>
        <source>--attribute %1: the attribute is given twice</source>
        <translation>--attribute %1: 속성이 두 번 지정되었습니다</translation>
    </message>
    <message>
        <source>no gatehouse serve is running with the endpoints file %1 (%2); serve writes it when it starts and removes it when it stops</source>
        <translation>엔드포인트 파일 %1(%2)을(를) 쓰는 gatehouse serve가 실행 중이 아닙니다. serve는 시작할 때 이 파일을 쓰고 중지할 때 제거합니다</translation>
    </message>
    <message>
        <source>the endpoints file %1 names no SQS endpoint</source>
        <translation>엔드포인트 파일 %1에 SQS 엔드포인트가 없습니다</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Send a message to a queue of a running `gatehouse serve` and print its MessageId. A function triggered by the queue receives it in its SQS event.</source>
        <translation>실행 중인 `gatehouse serve`의 대기열에 메시지를 보내고 MessageId를 출력합니다. 대기열로 트리거되는 함수는 SQS 이벤트로 이 메시지를 받습니다.</translation>
    </message>
    <message>
        <source>Name of the queue.</source>
        <translation>대기열 이름.</translation>
    </message>
    <message>
        <source>The message body.</source>
        <translation>메시지 본문.</translation>
    </message>
    <message>
        <source>Seconds before the message can be received (0-900).</source>
        <translation>메시지를 받을 수 있게 되기까지의 시간(초) (0-900).</translation>
    </message>
    <message>
        <source>A message attribute, Name=Type:Value with Type String, Number or Binary (base64 value); repeatable.</source>
        <translation>메시지 속성. Name=Type:Value 형식이며 Type은 String, Number 또는 Binary(base64 값)입니다. 여러 번 지정할 수 있습니다.</translation>
    </message>
    <message>
        <source>The SQS endpoint URL of the running serve.</source>
        <translation>실행 중인 serve의 SQS 엔드포인트 URL.</translation>
    </message>
    <message>
        <source>The file given to `gatehouse serve --endpoints-file` (default: PROJECT/.gatehouse/endpoints.json).</source>
        <translation>`gatehouse serve --endpoints-file`에 지정한 파일 (기본값: PROJECT/.gatehouse/endpoints.json).</translation>
    </message>
    <message>
        <source>send-message needs PROJECT, QUEUE and BODY arguments</source>
        <translation>send-message에는 PROJECT, QUEUE, BODY 인수가 필요합니다</translation>
    </message>
    <message>
        <source>--delay takes 0 to 900 seconds</source>
        <translation>--delay에는 0에서 900 사이의 초를 지정합니다</translation>
    </message>
    <message>
        <source>gatehouse: no gatehouse serve answers at %1: %2</source>
        <translation>gatehouse: %1에서 응답하는 gatehouse serve가 없습니다: %2</translation>
    </message>
    <message>
        <source>gatehouse: the running serve has no queue &apos;%1&apos;: %2</source>
        <translation>gatehouse: 실행 중인 serve에 대기열 &apos;%1&apos;이(가) 없습니다: %2</translation>
    </message>
    <message>
        <source>gatehouse: SendMessage failed: %1</source>
        <translation>gatehouse: SendMessage 실패: %1</translation>
    </message>
    <message>
        <source>send a message to a queue of a running gatehouse serve; prints the MessageId</source>
        <translation>실행 중인 gatehouse serve의 대기열에 메시지를 보내고 MessageId를 출력합니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::cli::ServeSession</name>
    <message>
        <source>gatehouse: cannot read %1: no such project</source>
        <translation>gatehouse: %1을(를) 읽을 수 없습니다: 그런 프로젝트가 없습니다</translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; fix them before serving</source>
        <translation>gatehouse: %1에 오류가 있습니다. 제공을 시작하기 전에 고치세요</translation>
    </message>
    <message>
        <source>gatehouse: note: %1</source>
        <translation>gatehouse: 참고: %1</translation>
    </message>
    <message>
        <source>gatehouse: %1</source>
        <translation>gatehouse: %1</translation>
    </message>
    <message>
        <source>gatehouse: cannot write the endpoints file %1: %2</source>
        <translation>gatehouse: 엔드포인트 파일 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>gatehouse: %1 changed but has errors; still serving the previous version</source>
        <translation>gatehouse: %1이(가) 바뀌었지만 오류가 있습니다. 이전 버전을 계속 제공합니다</translation>
    </message>
    <message>
        <source>gatehouse: reloaded %1</source>
        <translation>gatehouse: %1을(를) 다시 불러왔습니다</translation>
    </message>
    <message>
        <source>gatehouse: cannot write the endpoints file: %1</source>
        <translation>gatehouse: 엔드포인트 파일을 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>제공 중: %1</translation>
    </message>
    <message>
        <source>  %1 &apos;%2&apos;, stage %3: %4</source>
        <translation>  %1 &apos;%2&apos;, 스테이지 %3: %4</translation>
    </message>
    <message>
        <source>    @connections callback URL: %1</source>
        <translation>    @connections 콜백 URL: %1</translation>
    </message>
    <message>
        <source>  Lambda Invoke API: %1 (aws lambda invoke --endpoint-url %1 ...)</source>
        <translation>  Lambda Invoke API: %1 (aws lambda invoke --endpoint-url %1 ...)</translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation>중지하려면 Ctrl+C를 누르세요.</translation>
    </message>
    <message>
        <source>  Metrics (Prometheus): %1</source>
        <translation>  지표(Prometheus): %1</translation>
    </message>
    <message>
        <source>  S3 (buckets): %1 (aws s3 ls --endpoint-url %1 ...)</source>
        <translation>  S3 (버킷): %1 (aws s3 ls --endpoint-url %1 ...)</translation>
    </message>
    <message>
        <source>  SQS: %1 (aws sqs --endpoint-url %1 ...; functions get AWS_ENDPOINT_URL_SQS)</source>
        <translation>  SQS: %1 (aws sqs --endpoint-url %1 ...; 함수에는 AWS_ENDPOINT_URL_SQS 지정)</translation>
    </message>
</context>
<context>
    <name>gatehouse::codefiles</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot make it executable</source>
        <translation>실행 권한을 줄 수 없습니다</translation>
    </message>
    <message>
        <source>Gatehouse has no template for the handler &quot;%1&quot; of function %2: the part after the file name must be a name the code can define.</source>
        <translation>Gatehouse에는 함수 %2의 핸들러 &quot;%1&quot;에 맞는 템플릿이 없습니다: 파일 이름 뒤의 부분은 코드에서 정의할 수 있는 이름이어야 합니다.</translation>
    </message>
</context>
<context>
    <name>gatehouse::runtimelaunch</name>
    <message>
        <source>%1 is set to &apos;%2&apos;, which is not an executable file (runtime &apos;%3&apos;)</source>
        <translation>%1이(가) &apos;%2&apos;(으)로 설정되어 있지만 실행 파일이 아닙니다 (런타임 &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>runtime &apos;%1&apos; needs %2, which was not found (looked on %3): install it or set %4 to the interpreter&apos;s path</source>
        <translation>런타임 &apos;%1&apos;에 필요한 %2을(를) 찾을 수 없습니다 (찾아본 곳: %3). 설치하거나 %4에 인터프리터 경로를 지정하세요</translation>
    </message>
    <message>
        <source>runtime &apos;%1&apos; does not run as a process</source>
        <translation>런타임 &apos;%1&apos;은(는) 프로세스로 실행되지 않습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::s3</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::s3::BucketStore</name>
    <message>
        <source>&apos;%1&apos; is not a valid bucket name</source>
        <translation>&apos;%1&apos;은(는) 올바른 버킷 이름이 아닙니다</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the object &apos;%1&apos; kept changing while it was read</source>
        <translation>객체 &apos;%1&apos;이(가) 읽는 동안 계속 바뀌었습니다</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1을(를) 제거할 수 없습니다</translation>
    </message>
    <message>
        <source>part %1 was not uploaded</source>
        <translation>파트 %1이(가) 업로드되지 않았습니다</translation>
    </message>
    <message>
        <source>part %1&apos;s ETag does not match</source>
        <translation>파트 %1의 ETag가 일치하지 않습니다</translation>
    </message>
    <message>
        <source>part %1 is smaller than 5 MiB</source>
        <translation>파트 %1이(가) 5 MiB보다 작습니다</translation>
    </message>
    <message>
        <source>read failed</source>
        <translation>읽기 실패</translation>
    </message>
    <message>
        <source>cannot read the content: %1</source>
        <translation>내용을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot move %1 into %2</source>
        <translation>%1을(를) %2(으)로 옮길 수 없습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::s3::MultipartFormParser</name>
    <message>
        <source>the body is empty</source>
        <translation>본문이 비어 있습니다</translation>
    </message>
    <message>
        <source>the body does not contain the boundary</source>
        <translation>본문에 경계 문자열이 없습니다</translation>
    </message>
    <message>
        <source>the body ends before the closing boundary</source>
        <translation>닫는 경계 문자열 전에 본문이 끝납니다</translation>
    </message>
    <message>
        <source>a part header has no name: %1</source>
        <translation>파트 헤더에 이름이 없습니다: %1</translation>
    </message>
    <message>
        <source>a part has no &quot;Content-Disposition: form-data&quot; header</source>
        <translation>파트에 &quot;Content-Disposition: form-data&quot; 헤더가 없습니다</translation>
    </message>
    <message>
        <source>a part&apos;s Content-Disposition has no name</source>
        <translation>파트의 Content-Disposition에 이름이 없습니다</translation>
    </message>
    <message>
        <source>a part&apos;s headers are too long</source>
        <translation>파트의 헤더가 너무 깁니다</translation>
    </message>
    <message>
        <source>too much white space after a boundary</source>
        <translation>경계 문자열 뒤에 공백이 너무 많습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::sqs::LocalQueues</name>
    <message>
        <source>Queue %1 is a FIFO queue: it runs as a standard queue locally (no ordering by message group, no deduplication)</source>
        <translation>대기열 %1은(는) FIFO 대기열입니다: 로컬에서는 표준 대기열로 실행됩니다 (메시지 그룹별 순서 보장 없음, 중복 제거 없음)</translation>
    </message>
    <message>
        <source>Asynchronous event sent to the dead-letter queue %1</source>
        <translation>비동기 이벤트를 배달 못한 편지 대기열 %1(으)로 보냈습니다</translation>
    </message>
    <message>
        <source>The dead-letter queue %1 does not exist; the event is lost</source>
        <translation>배달 못한 편지 대기열 %1이(가) 없어 이벤트가 손실되었습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::sqs::QueueTriggerPoller</name>
    <message>
        <source>SQS queue %1: batch of %2 message(s) sent to function %3</source>
        <translation>SQS 대기열 %1: 메시지 %2개의 배치를 함수 %3(으)로 보냈습니다</translation>
    </message>
    <message>
        <source>function error %1 (%2); the batch becomes visible again after the visibility timeout</source>
        <translation>함수 오류 %1 (%2). 표시 제한 시간이 지나면 배치가 다시 표시됩니다</translation>
    </message>
    <message>
        <source>succeeded; every message deleted</source>
        <translation>성공. 모든 메시지를 삭제했습니다</translation>
    </message>
    <message>
        <source>partial batch response: %1 failed item(s) stay for a retry: %2</source>
        <translation>부분 배치 응답: 실패한 항목 %1개는 재시도를 위해 남습니다: %2</translation>
    </message>
    <message>
        <source>invalid partial batch response; the whole batch is retried</source>
        <translation>잘못된 부분 배치 응답. 배치 전체를 재시도합니다</translation>
    </message>
    <message>
        <source>SQS queue %1: %2</source>
        <translation>SQS 대기열 %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing</name>
    <message>
        <source>unsupported assertion (%1 %2)</source>
        <translation>지원되지 않는 검증 (%1 %2)</translation>
    </message>
    <message>
        <source>the expected value %1 is not a number</source>
        <translation>예상 값 %1이(가) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>got %1</source>
        <translation>실제 %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>expected %1, %2</source>
        <translation>예상 %1, %2</translation>
    </message>
    <message>
        <source>expected to contain %1, %2</source>
        <translation>%1 포함 예상, %2</translation>
    </message>
    <message>
        <source>invalid regular expression /%1/: %2</source>
        <translation>잘못된 정규식 /%1/: %2</translation>
    </message>
    <message>
        <source>expected to match /%1/, %2</source>
        <translation>/%1/ 일치 예상, %2</translation>
    </message>
    <message>
        <source>expected below %1, %2</source>
        <translation>%1 미만 예상, %2</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>예상 %1, 실제 %2</translation>
    </message>
    <message>
        <source>expected below %1, got %2</source>
        <translation>%1 미만 예상, 실제 %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>expected below %1 ms, got %2</source>
        <translation>%1 ms 미만 예상, 실제 %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>a body that is not JSON</source>
        <translation>JSON이 아닌 본문</translation>
    </message>
    <message>
        <source>unbalanced %1 quote: the %1 at character %2 is never closed</source>
        <translation>닫히지 않은 %1 따옴표: %2번째 문자의 %1 따옴표가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>single</source>
        <translation>작은</translation>
    </message>
    <message>
        <source>double</source>
        <translation>큰</translation>
    </message>
    <message>
        <source>unbalanced double quote: a quoted string is never closed</source>
        <translation>닫히지 않은 큰따옴표: 따옴표로 묶인 문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>nothing to import: paste a curl command</source>
        <translation>가져올 내용이 없습니다. curl 명령을 붙여 넣으세요</translation>
    </message>
    <message>
        <source>%1 (a separate shell command)</source>
        <translation>%1 (별도의 셸 명령)</translation>
    </message>
    <message>
        <source>not a curl command: it starts with &apos;%1&apos;</source>
        <translation>curl 명령이 아닙니다: &apos;%1&apos;(으)로 시작합니다</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>옵션 %1에는 값이 필요합니다</translation>
    </message>
    <message>
        <source>%1 (unknown option)</source>
        <translation>%1 (알 수 없는 옵션)</translation>
    </message>
    <message>
        <source>create local test keys for this authorizer (Gatehouse keeps the private key in the project&apos;s .gatehouse/keys folder)</source>
        <translation>이 권한 부여자용 로컬 테스트 키를 만듭니다 (Gatehouse는 개인 키를 프로젝트의 .gatehouse/keys 폴더에 보관합니다)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a JWT authorizer: only JWT authorizers take tokens</source>
        <translation>&apos;%1&apos;은(는) JWT 권한 부여자가 아닙니다: 토큰은 JWT 권한 부여자만 받습니다</translation>
    </message>
    <message>
        <source>JWT authorizer &apos;%1&apos; names no key set (jwksUri): %2</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;에 키 세트(jwksUri)가 지정되지 않았습니다: %2</translation>
    </message>
    <message>
        <source>the keys of JWT authorizer &apos;%1&apos; are at %2, whose private keys only the identity provider has: %3</source>
        <translation>JWT 권한 부여자 &apos;%1&apos;의 키는 %2에 있으며, 그 개인 키는 ID 공급자만 가지고 있습니다: %3</translation>
    </message>
    <message>
        <source>cannot read the key set %1: %2</source>
        <translation>키 세트 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the key set %1 holds no usable key (%2): %3</source>
        <translation>키 세트 %1에 사용할 수 있는 키가 없습니다 (%2): %3</translation>
    </message>
    <message>
        <source>(no kid)</source>
        <translation>(kid 없음)</translation>
    </message>
    <message>
        <source>%1 is not an unencrypted PEM private key</source>
        <translation>%1은(는) 암호화되지 않은 PEM 개인 키가 아닙니다</translation>
    </message>
    <message>
        <source>the private key %1 does not belong to key &apos;%2&apos; of %3</source>
        <translation>개인 키 %1이(가) %3의 키 &apos;%2&apos;에 해당하지 않습니다</translation>
    </message>
    <message>
        <source>OpenSSL could not sign with %1</source>
        <translation>OpenSSL이 %1(으)로 서명하지 못했습니다</translation>
    </message>
    <message>
        <source>no private key for the RSA keys of %1 (%2) in .gatehouse/keys: %3</source>
        <translation>.gatehouse/keys에 %1의 RSA 키에 대한 개인 키가 없습니다 (%2): %3</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>save the project first: test keys are kept in its folder</source>
        <translation>먼저 프로젝트를 저장하세요: 테스트 키는 프로젝트 폴더에 보관됩니다</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 exists but is not a key set (a JSON object with a &quot;keys&quot; array): move it away or fix it first</source>
        <translation>%1이(가) 있지만 키 세트(&quot;keys&quot; 배열이 있는 JSON 객체)가 아닙니다. 먼저 다른 곳으로 옮기거나 고치세요</translation>
    </message>
    <message>
        <source>OpenSSL could not generate an RSA key</source>
        <translation>OpenSSL이 RSA 키를 생성하지 못했습니다</translation>
    </message>
    <message>
        <source>OpenSSL could not export the RSA key</source>
        <translation>OpenSSL이 RSA 키를 내보내지 못했습니다</translation>
    </message>
    <message>
        <source>cannot create the folders for the keys in %1</source>
        <translation>%1에 키용 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>연결 실패</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>연결 닫힘</translation>
    </message>
    <message>
        <source>malformed response</source>
        <translation>잘못된 응답</translation>
    </message>
    <message>
        <source>not a URL: %1</source>
        <translation>URL이 아닙니다: %1</translation>
    </message>
    <message>
        <source>a load test sends http:// requests only, not %1</source>
        <translation>부하 테스트는 http:// 요청만 보냅니다. %1은(는) 보낼 수 없습니다</translation>
    </message>
    <message>
        <source>concurrency must be between 1 and %1</source>
        <translation>동시성은 1에서 %1 사이여야 합니다</translation>
    </message>
    <message>
        <source>set either a duration or a number of requests</source>
        <translation>실행 시간 또는 요청 수 중 하나를 설정하세요</translation>
    </message>
    <message>
        <source>duration and count cannot be negative</source>
        <translation>실행 시간과 요청 수는 음수일 수 없습니다</translation>
    </message>
    <message>
        <source>the request timeout must be positive</source>
        <translation>요청 제한 시간은 양수여야 합니다</translation>
    </message>
    <message>
        <source>not an HTTP method: %1</source>
        <translation>HTTP 메서드가 아닙니다: %1</translation>
    </message>
    <message>
        <source>not a valid header: %1</source>
        <translation>올바른 헤더가 아닙니다: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::CollectionRunner</name>
    <message>
        <source>no response: %1</source>
        <translation>응답이 없습니다: %1</translation>
    </message>
    <message>
        <source>no value for %1</source>
        <translation>%1의 값이 없습니다</translation>
    </message>
    <message>
        <source>not a URL: %1</source>
        <translation>URL이 아닙니다: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::CurlParser</name>
    <message>
        <source>%1 %2 reads the request body from a file, which an import cannot do: paste the file&apos;s content with --data-raw instead</source>
        <translation>%1 %2은(는) 파일에서 요청 본문을 읽는데, 가져오기에서는 그럴 수 없습니다. 대신 --data-raw로 파일 내용을 붙여 넣으세요</translation>
    </message>
    <message>
        <source>%1 %2 (a cookie file)</source>
        <translation>%1 %2 (쿠키 파일)</translation>
    </message>
    <message>
        <source>%1 is not supported: it sends files, which an import cannot read</source>
        <translation>%1은(는) 지원되지 않습니다: 파일을 보내는데, 가져오기에서는 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the curl command has no URL</source>
        <translation>curl 명령에 URL이 없습니다</translation>
    </message>
    <message>
        <source>%1 (only the first URL is imported)</source>
        <translation>%1 (첫 번째 URL만 가져옵니다)</translation>
    </message>
    <message>
        <source>-u %1 without a password: curl would ask for one, an empty password is used</source>
        <translation>암호 없는 -u %1: curl은 암호를 물어보지만, 여기서는 빈 암호를 사용합니다</translation>
    </message>
    <message>
        <source>-H %1 reads headers from a file, which an import cannot do</source>
        <translation>-H %1은(는) 파일에서 헤더를 읽는데, 가져오기에서는 그럴 수 없습니다</translation>
    </message>
    <message>
        <source>-H %1 (not a &quot;Name: value&quot; header)</source>
        <translation>-H %1 (&quot;Name: value&quot; 형식의 헤더가 아님)</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::LoadConnection</name>
    <message>
        <source>the server sent more than one response to one request</source>
        <translation>서버가 한 요청에 응답을 두 개 이상 보냈습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::LoadRun</name>
    <message>
        <source>no complete response within %1 ms</source>
        <translation>%1 ms 안에 완전한 응답을 받지 못했습니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::LoadTest</name>
    <message>
        <source>a load test is already running</source>
        <translation>부하 테스트가 이미 실행 중입니다</translation>
    </message>
</context>
<context>
    <name>gatehouse::testing::RequestSender</name>
    <message>
        <source>no response within %1 ms</source>
        <translation>%1ms 안에 응답이 없습니다</translation>
    </message>
</context>
</TS>
