//! Who is asking: a bearer token in the `Authorization` header (API and pages), or the same token
//! kept in a cookie after signing in on the dashboard (pages only, so the API cannot be driven
//! cross-site by a browser's cookie).

use attain_store::Principal;
use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, COOKIE, HOST, ORIGIN, REFERER};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::ApiError;
use crate::Shared;

/// The cookie that keeps a signed-in dashboard user's token.
pub const SESSION_COOKIE: &str = "attain_session";

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(SESSION_COOKIE)?.strip_prefix('='))
}

async fn principal(state: &Shared, token: Option<&str>) -> Result<Option<Principal>, ApiError> {
    match token {
        Some(token) => Ok(state.store.authenticate(token).await?),
        None => Ok(None),
    }
}

/// An API caller with a valid token; anyone else gets 401.
pub struct ApiCaller(pub Principal);

impl FromRequestParts<Shared> for ApiCaller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<ApiCaller, Response> {
        let token = bearer(&parts.headers);
        match principal(state, token).await {
            Ok(Some(p)) => Ok(ApiCaller(p)),
            Ok(None) if token.is_some() => Err(ApiError::InvalidToken.into_response()),
            Ok(None) => Err(ApiError::Unauthorized.into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// A dashboard visitor: signed in (header or cookie) or not.
pub struct Visitor(pub Option<Principal>);

impl FromRequestParts<Shared> for Visitor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Visitor, Response> {
        let token = bearer(&parts.headers).or_else(|| session_cookie(&parts.headers));
        principal(state, token).await.map(Visitor).map_err(IntoResponse::into_response)
    }
}

/// A form post sent from another site: refused with 403.
#[derive(Debug)]
pub struct CrossSite;

impl IntoResponse for CrossSite {
    fn into_response(self) -> Response {
        (StatusCode::FORBIDDEN, "cross-site form posts are refused").into_response()
    }
}

/// Refuses a form post that a browser sent from another site. The session cookie is already
/// `SameSite=Strict`; this checks the `Origin` (or `Referer`) against `Host` as well, as OWASP
/// recommends, and `Sec-Fetch-Site` where the browser sends it.
pub fn same_origin(headers: &HeaderMap) -> Result<(), CrossSite> {
    let forbidden = || CrossSite;
    // Browsers that say where a request comes from are believed first; this also works behind a
    // proxy that rewrites Host.
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some("same-origin" | "none") => return Ok(()),
        Some(_) => return Err(forbidden()),
        None => {}
    }
    let host = headers.get(HOST).and_then(|v| v.to_str().ok());
    let source = headers.get(ORIGIN).or_else(|| headers.get(REFERER)).and_then(|v| v.to_str().ok());
    match (source, host) {
        // Non-browser clients send neither; browsers always send Origin on POST.
        (None, _) => Ok(()),
        (Some(source), Some(host)) => {
            let authority =
                source.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or("")).unwrap_or("");
            if authority == host {
                Ok(())
            } else {
                Err(forbidden())
            }
        }
        (Some(_), None) => Err(forbidden()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn tokens_are_read_from_the_header_or_the_session_cookie() {
        assert_eq!(bearer(&headers(&[("authorization", "Bearer attain_x")])), Some("attain_x"));
        assert_eq!(bearer(&headers(&[("authorization", "bearer  attain_x ")])), Some("attain_x"));
        assert_eq!(bearer(&headers(&[("authorization", "Basic abc")])), None);
        assert_eq!(session_cookie(&headers(&[("cookie", "a=1; attain_session=attain_y; b=2")])), Some("attain_y"));
        assert_eq!(session_cookie(&headers(&[("cookie", "attain_sessionx=1")])), None);
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(same_origin(&headers(&[("host", "h:8080"), ("origin", "http://h:8080")])).is_ok());
        assert!(same_origin(&headers(&[("host", "h:8080"), ("referer", "http://h:8080/signin")])).is_ok());
        assert!(same_origin(&headers(&[("host", "h:8080")])).is_ok());
        assert!(same_origin(&headers(&[("host", "h:8080"), ("origin", "http://evil.example")])).is_err());
        assert!(same_origin(&headers(&[("host", "h:8080"), ("origin", "null")])).is_err());
        assert!(same_origin(&headers(&[("host", "h:8080"), ("sec-fetch-site", "cross-site")])).is_err());
        assert!(same_origin(&headers(&[("host", "h:8080"), ("sec-fetch-site", "same-site")])).is_err());
        // Behind a proxy Host may differ; the browser's own word decides.
        assert!(same_origin(&headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://attain.example"),
            ("sec-fetch-site", "same-origin")
        ]))
        .is_ok());
    }
}
