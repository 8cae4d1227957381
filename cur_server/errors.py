"""One error shape for every failure: ``{"error": code, "message": text, "details": ...}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from cur_desktop.models.contract import ErrorBody

log = logging.getLogger(__name__)


class ApiError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.details = details
        self.headers = headers
        if code:
            self.code = code


class Unauthorized(ApiError):
    status_code = 401
    code = "unauthorized"


class Forbidden(ApiError):
    status_code = 403
    code = "forbidden"


class NotFound(ApiError):
    status_code = 404
    code = "not_found"


class ServiceBusy(ApiError):
    status_code = 503
    code = "busy"


class PayloadTooLarge(ApiError):
    status_code = 413
    code = "payload_too_large"


def error_response(status: int, code: str, message: str, details: Any = None, headers=None):
    body = ErrorBody(error=code, message=message, details=details).model_dump(mode="json")
    return JSONResponse(body, status_code=status, headers=headers)


_HTTP_CODES = {
    400: ("malformed_json", "Тело запроса — не корректный JSON"),  # FastAPI: unreadable body
    401: ("unauthorized", "Требуется вход в систему"),
    403: ("forbidden", "Недостаточно прав"),
    404: ("not_found", "Не найдено"),
    405: ("method_not_allowed", "Метод не поддерживается"),
    406: ("not_acceptable", "Формат ответа не поддерживается"),
    413: ("payload_too_large", "Слишком большой запрос"),
    415: ("unsupported_media_type", "Ожидается JSON"),
}


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        details.append(
            {
                "loc": [str(p) for p in err.get("loc", ())],
                "type": err.get("type"),
                "msg": err.get("msg"),
            }
        )
    return details


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else exc.headers
        return error_response(exc.status_code, exc.code, exc.message, exc.details, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        if any(d["type"] == "json_invalid" for d in details):
            return error_response(
                400, "malformed_json", "Тело запроса — не корректный JSON", details
            )
        return error_response(422, "invalid_request", "Запрос не соответствует схеме API", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException):
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", str(exc.detail)))
        return error_response(exc.status_code, code, message, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception):
        log.exception("unhandled error")
        return error_response(500, "internal_error", "Внутренняя ошибка сервера")
