//! Which shop each of the chain's other tills belongs to, and the shops' names, as the central
//! store says (`chain_tills`, `chain_shops`): a receipt's page names the shop that printed it.

use crate::store::Result;
use rusqlite::OptionalExtension;

impl super::Room<'_, '_> {
    /// Notes the shop of each till whose events were applied (a till never changes shop).
    pub(super) fn note_tills(&self, tills: &[(&str, &str)]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO chain_tills (till_id, shop_id) VALUES (?1, ?2)",
        )?;
        for (till, shop) in tills {
            stmt.execute((till, shop))?;
        }
        Ok(())
    }

    /// Takes the chain's directory from the central store: the shops' names (writing only
    /// those that changed), which shop each till belongs to, and where its page servers open.
    pub fn set_directory(&self, d: &crate::central::Directory) -> Result<()> {
        self.set_shop_names(&d.shops)?;
        // Every till the chain knows, so visits taken before this copy noted their till's
        // shop (an upgrade in the middle of a chain's life) name it too.
        let tills: Vec<(&str, &str)> = d
            .tills
            .iter()
            .map(|(t, s)| (t.as_str(), s.as_str()))
            .collect();
        self.note_tills(&tills)?;
        // Several page servers behind one load balancer share an address: one row.
        let mut urls = d.page_servers.clone();
        urls.sort();
        urls.dedup();
        if self.page_servers()? != urls {
            self.tx.execute("DELETE FROM chain_page_servers", [])?;
            let mut stmt = self
                .tx
                .prepare_cached("INSERT INTO chain_page_servers (url) VALUES (?1)")?;
            for url in &urls {
                stmt.execute([url])?;
            }
        }
        Ok(())
    }

    /// Where the chain's page servers say their pages open, in order.
    pub fn page_servers(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT url FROM chain_page_servers ORDER BY url")?;
        let urls = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(urls)
    }

    fn set_shop_names(&self, names: &[(String, String)]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO chain_shops (shop_id, name) VALUES (?1, ?2)
             ON CONFLICT (shop_id) DO UPDATE SET name = excluded.name
             WHERE name IS NOT excluded.name",
        )?;
        for (shop, name) in names {
            stmt.execute((shop, name))?;
        }
        Ok(())
    }

    /// The name of the shop whose till sold `visit_id`, for another till's visit whose shop
    /// the central store has named; `None` for this till's own.
    pub fn shop_of_visit(&self, visit_id: i64) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT s.name FROM visits v JOIN chain_tills t ON t.till_id = v.origin
                 JOIN chain_shops s ON s.shop_id = t.shop_id WHERE v.id = ?1",
            )?
            .query_row([visit_id], |r| r.get(0))
            .optional()?)
    }
}
