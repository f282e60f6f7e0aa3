global using System.ComponentModel.DataAnnotations;
global using Microsoft.EntityFrameworkCore;
global using SpasmCare.Web.Auditing;
global using SpasmCare.Web.Data;
global using SpasmCare.Web.Security;
