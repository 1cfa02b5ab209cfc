//! Bearer tokens: random, shown once, stored only as a SHA-256 hash.
//!
//! A token carries 256 random bits, so a plain (unsalted, fast) hash is enough: there is nothing
//! to guess by brute force, and the hash can be looked up directly on every request.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Result, Store, StoreError};

/// What a token lets its holder see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "role", content = "partner_id", rename_all = "snake_case")]
pub enum Role {
    /// Every partner, and imports.
    Admin,
    /// One partner's own data only.
    Partner(String),
}

/// Who presented a valid token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub token_id: i64,
    pub role: Role,
}

impl Principal {
    /// Whether this principal may see `partner_id`'s data.
    pub fn may_see(&self, partner_id: &str) -> bool {
        match &self.role {
            Role::Admin => true,
            Role::Partner(own) => own == partner_id,
        }
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

/// A token as listed: never the token itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenRecord {
    pub id: i64,
    #[serde(flatten)]
    pub role: Role,
    pub label: String,
    pub created_at: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub revoked_at: Option<String>,
}

/// A token just created: `secret` is shown to the user once and exists nowhere else.
pub struct NewToken {
    pub record: TokenRecord,
    pub secret: String,
}

const PREFIX: &str = "attain_";

fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// id, role, partner_id, label, created_at, revoked_at.
type TokenRow = (i64, String, Option<String>, String, String, Option<String>);

impl Store {
    pub async fn create_token(&self, role: Role, label: &str) -> Result<NewToken> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| StoreError::Corrupt(format!("no randomness from the system: {e}")))?;
        let secret = format!("{PREFIX}{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
        let (role_name, partner_id) = match &role {
            Role::Admin => ("admin", None),
            Role::Partner(id) => ("partner", Some(id.as_str())),
        };
        let created_at = crate::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO tokens (hash, role, partner_id, label, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(hash(&secret))
        .bind(role_name)
        .bind(partner_id)
        .bind(label)
        .bind(&created_at)
        .fetch_one(&self.pool)
        .await?;
        Ok(NewToken { record: TokenRecord { id, role, label: label.to_owned(), created_at, revoked_at: None }, secret })
    }

    /// Revokes token `id`; `false` when there is no such token or it was already revoked.
    pub async fn revoke_token(&self, id: i64) -> Result<bool> {
        let done = sqlx::query("UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(crate::now())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn tokens(&self) -> Result<Vec<TokenRecord>> {
        let rows: Vec<TokenRow> =
            sqlx::query_as("SELECT id, role, partner_id, label, created_at, revoked_at FROM tokens ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(id, role, partner_id, label, created_at, revoked_at)| {
                Ok(TokenRecord { id, role: role_of(&role, partner_id)?, label, created_at, revoked_at })
            })
            .collect()
    }

    /// The principal holding `secret`, if it is a live token.
    pub async fn authenticate(&self, secret: &str) -> Result<Option<Principal>> {
        if !secret.starts_with(PREFIX) {
            return Ok(None);
        }
        let row: Option<(i64, String, Option<String>)> =
            sqlx::query_as("SELECT id, role, partner_id FROM tokens WHERE hash = $1 AND revoked_at IS NULL")
                .bind(hash(secret))
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(token_id, role, partner_id)| Ok(Principal { token_id, role: role_of(&role, partner_id)? }))
            .transpose()
    }
}

fn role_of(role: &str, partner_id: Option<String>) -> Result<Role> {
    match (role, partner_id) {
        ("admin", None) => Ok(Role::Admin),
        ("partner", Some(id)) => Ok(Role::Partner(id)),
        (role, _) => Err(StoreError::Corrupt(format!("token role {role:?}"))),
    }
}
