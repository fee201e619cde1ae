//! The chain's shops by name: each till says its shop's name at every sync, and a page server
//! reads them all, so a receipt's page names the shop that printed it.

use super::{Central, Result};

impl Central {
    /// Records `name` as the shop's, when it is not already.
    pub fn name_shop(&mut self, shop_id: &str, name: &str) -> Result<()> {
        self.client.execute(
            "INSERT INTO shops (shop_id, name) VALUES ($1, $2)
             ON CONFLICT (shop_id) DO UPDATE SET name = excluded.name
             WHERE shops.name IS DISTINCT FROM excluded.name",
            &[&shop_id, &name],
        )?;
        Ok(())
    }

    /// Every shop's name, by shop id.
    pub fn shop_names(&mut self) -> Result<Vec<(String, String)>> {
        Ok(self
            .client
            .query("SELECT shop_id, name FROM shops ORDER BY shop_id", &[])?
            .into_iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
    }
}
