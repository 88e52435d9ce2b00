//! The typed client: one function per endpoint, each returning the contract type or the API's
//! error envelope. Network failures and unreadable bodies become an `ApiError` too, so callers
//! handle one error type.

use gloo_net::http::{Request, Response};
use model::catalog::Catalog;
use model::compare::{
    CompareDatabaseRequest, CompareDatabaseResponse, ComparePricingRequest, ComparePricingResponse,
    CompareRegionsResponse,
};
use model::{ApiError, ErrorCode, EstimateRequest, EstimateResponse};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// `GET /healthz`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
    pub price_date: String,
}

/// `POST /api/v1/share`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ShareLink {
    pub token: String,
    pub url: String,
}

fn network(e: gloo_net::Error) -> ApiError {
    ApiError::plain(
        ErrorCode::Internal,
        format!("the server could not be reached ({e})"),
    )
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|e| {
            ApiError::plain(
                ErrorCode::Internal,
                format!("the server's answer could not be read ({e})"),
            )
        });
    }
    let status = response.status();
    match response.json::<ApiError>().await {
        Ok(error) => Err(error),
        Err(_) => Err(ApiError::plain(
            ErrorCode::Internal,
            format!("the server answered HTTP {status}"),
        )),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    read(Request::get(path).send().await.map_err(network)?).await
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let request = Request::post(path).json(body).map_err(network)?;
    read(request.send().await.map_err(network)?).await
}

/// `GET /healthz`: is the API up, and how old are its prices.
pub async fn health() -> Result<Health, ApiError> {
    get("/healthz").await
}

/// `GET /api/v1/catalog`: everything the UI may offer, per region.
pub async fn catalog() -> Result<Catalog, ApiError> {
    get("/api/v1/catalog").await
}

/// `POST /api/v1/estimate`: prices an estimate.
pub async fn estimate(request: &EstimateRequest) -> Result<EstimateResponse, ApiError> {
    post("/api/v1/estimate", request).await
}

/// `GET /api/v1/estimate/{token}`: prices the estimate a share token carries.
pub async fn estimate_by_token(token: &str) -> Result<EstimateResponse, ApiError> {
    let token: String = token
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    get(&format!("/api/v1/estimate/{token}")).await
}

/// `POST /api/v1/share`: a share token and link made by the server.
pub async fn share(request: &EstimateRequest) -> Result<ShareLink, ApiError> {
    post("/api/v1/share", request).await
}

/// `POST /api/v1/compare/pricing`: every way to pay for one EC2 item.
pub async fn compare_pricing(
    request: &ComparePricingRequest,
) -> Result<ComparePricingResponse, ApiError> {
    post("/api/v1/compare/pricing", request).await
}

/// `POST /api/v1/compare/database`: RDS and Aurora side by side.
pub async fn compare_database(
    request: &CompareDatabaseRequest,
) -> Result<CompareDatabaseResponse, ApiError> {
    post("/api/v1/compare/database", request).await
}

/// `POST /api/v1/compare/regions`: the estimate in every region.
pub async fn compare_regions(
    request: &EstimateRequest,
) -> Result<CompareRegionsResponse, ApiError> {
    post("/api/v1/compare/regions", request).await
}
