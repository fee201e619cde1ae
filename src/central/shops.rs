//! The chain's directory: each till says its shop's name at every sync, and each page server
//! the address its pages open at; every till and page server reads them all, so a receipt's
//! page names the shop that printed it and a till can point at the chain's page server.

use super::{Central, Result};

/// The chain's shops by name, and where its page servers' pages open.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// `(shop_id, name)`.
    pub shops: Vec<(String, String)>,
    pub page_servers: Vec<String>,
    /// `(till_id, shop_id)` of every till that has synced.
    pub tills: Vec<(String, String)>,
}

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

    /// Records `url` as where the page server `till_id`'s pages open, when it is not already.
    pub fn name_page_server(&mut self, till_id: &str, url: &str) -> Result<()> {
        self.client.execute(
            "INSERT INTO page_servers (till_id, url) VALUES ($1, $2)
             ON CONFLICT (till_id) DO UPDATE SET url = excluded.url
             WHERE page_servers.url IS DISTINCT FROM excluded.url",
            &[&till_id, &url],
        )?;
        Ok(())
    }

    /// Every shop's name by shop id, every page server's address and every till's shop, in
    /// one query.
    pub fn directory(&mut self) -> Result<Directory> {
        let mut d = Directory::default();
        for r in self.client.query(
            "SELECT 'shop', shop_id, name FROM shops
             UNION ALL SELECT 'pages', till_id, url FROM page_servers
             UNION ALL SELECT 'till', till_id, shop_id FROM tills ORDER BY 1, 2",
            &[],
        )? {
            let (kind, id, value): (String, String, String) = (r.get(0), r.get(1), r.get(2));
            match kind.as_str() {
                "shop" => d.shops.push((id, value)),
                "pages" => d.page_servers.push(value),
                _ => d.tills.push((id, value)),
            }
        }
        Ok(d)
    }
}
