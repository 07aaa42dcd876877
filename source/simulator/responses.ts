/** An answer before it is written: status, headers and the whole body. */
export interface SimResponse {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer. */
export function jsonResponse(status: number, value: unknown): SimResponse {
	return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(value) };
}

/** Codes in the style of the ONTAP family's error envelopes. */
const ERROR_CODES: Record<number, string> = {
	400: '2',
	401: '6',
	403: '6691623',
	404: '4',
	405: '3',
	429: '11',
	500: '1',
	502: '8',
	503: '8',
};

const ERROR_MESSAGES: Record<number, string> = {
	400: 'Invalid request.',
	401: 'Authentication failed: invalid user name or password.',
	403: 'The user does not have a role that grants access to this API.',
	404: 'The requested resource was not found.',
	405: 'Method not allowed.',
	429: 'Too many requests. Try again later.',
	500: 'Internal server error.',
	502: 'Bad gateway.',
	503: 'The server is busy. Try again later.',
};

/** AIQUM's error envelope: `{"error": {"message", "code", "target"}}`. */
export function errorResponse(
	status: number,
	message = ERROR_MESSAGES[status] ?? `Error ${status}.`,
	target = '',
	extraHeaders: Record<string, string> = {},
): SimResponse {
	const error = { message, code: ERROR_CODES[status] ?? String(status), target };
	return {
		status,
		headers: { 'content-type': JSON_TYPE, ...extraHeaders },
		body: JSON.stringify({ error }),
	};
}

/** The answer to missing or wrong credentials. */
export function unauthorized(): SimResponse {
	return errorResponse(401, undefined, '', {
		'www-authenticate': 'Basic realm="Active IQ Unified Manager"',
	});
}

/** A reverse proxy's error page, as a client finds it instead of JSON. */
export function htmlResponse(status: number): SimResponse {
	const title = status === 200 ? 'Maintenance' : `${status} Bad Gateway`;
	const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
	return { status, headers: { 'content-type': 'text/html' }, body };
}
