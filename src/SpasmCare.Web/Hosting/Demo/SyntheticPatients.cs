using System.Globalization;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Hosting.Demo;

/// <summary>
/// Synthetic patients for demos and benchmarks: Indian names, mixed ages and sexes, some with ABHA numbers,
/// English/Hindi/Marathi speakers. Deterministic for a given seed. No real person's data.
/// </summary>
public static class SyntheticPatients
{
    private static readonly string[] FemaleNames =
    [
        "Aarti", "Aishwarya", "Ananya", "Anjali", "Asha", "Bhavana", "Deepa", "Divya", "Farida", "Gauri", "Geeta",
        "Harpreet", "Indira", "Jaya", "Kavita", "Kiran", "Lakshmi", "Leela", "Madhuri", "Manisha", "Meena", "Nandini",
        "Neha", "Nirmala", "Pallavi", "Pooja", "Priya", "Radha", "Rekha", "Rohini", "Sadhana", "Sangeeta", "Sarita",
        "Seema", "Shabana", "Shalini", "Shobha", "Smita", "Sneha", "Sunita", "Swati", "Tanvi", "Usha", "Vaishali",
        "Vandana", "Vidya", "Yamini", "Zainab",
    ];

    private static readonly string[] MaleNames =
    [
        "Aakash", "Abhishek", "Ajay", "Amit", "Anand", "Anil", "Arjun", "Ashok", "Deepak", "Dinesh", "Farhan",
        "Ganesh", "Gurpreet", "Harish", "Imran", "Jagdish", "Kailash", "Kiran", "Mahesh", "Manoj", "Mohan", "Mukesh",
        "Naresh", "Nikhil", "Nitin", "Pankaj", "Prakash", "Pramod", "Rahul", "Rajesh", "Rakesh", "Ramesh", "Ravi",
        "Sachin", "Sameer", "Sanjay", "Santosh", "Satish", "Shankar", "Sunil", "Suresh", "Tushar", "Umesh", "Vijay",
        "Vikas", "Vinod", "Yash", "Yusuf",
    ];

    private static readonly string[] FamilyNames =
    [
        "Agarwal", "Bhosale", "Chavan", "Chopra", "Desai", "Deshmukh", "Deshpande", "Dubey", "Gaikwad", "Ghosh",
        "Gill", "Gupta", "Iyer", "Jadhav", "Jain", "Joshi", "Kadam", "Kale", "Kamble", "Kapoor", "Khan", "Kulkarni",
        "Kumar", "Mehta", "Menon", "Mishra", "Mukherjee", "Naik", "Nair", "Pandey", "Patel", "Patil", "Pawar",
        "Pillai", "Rao", "Reddy", "Sawant", "Shah", "Shaikh", "Sharma", "Shinde", "Singh", "Srivastava", "Thakur",
        "Tiwari", "Trivedi", "Verma", "Yadav",
    ];

    private static readonly (string City, string State, string PinPrefix)[] Places =
    [
        ("Mumbai", "Maharashtra", "400"), ("Thane", "Maharashtra", "400"), ("Navi Mumbai", "Maharashtra", "400"),
        ("Pune", "Maharashtra", "411"), ("Nashik", "Maharashtra", "422"), ("Nagpur", "Maharashtra", "440"),
        ("Aurangabad", "Maharashtra", "431"), ("Surat", "Gujarat", "395"), ("Indore", "Madhya Pradesh", "452"),
        ("Bengaluru", "Karnataka", "560"), ("Hyderabad", "Telangana", "500"), ("Delhi", "Delhi", "110"),
    ];

    private static readonly string[] Streets =
    [
        "MG Road", "Station Road", "Link Road", "SV Road", "LBS Marg", "Shivaji Nagar", "Gandhi Chowk",
        "Nehru Nagar", "Tilak Road", "Ambedkar Road", "Hill Road", "Market Yard",
    ];

    private static readonly string[] Relationships = ["Spouse", "Son", "Daughter", "Brother", "Sister", "Parent"];

    public static IEnumerable<PatientInput> Generate(int seed, int count, DateOnly today)
    {
        var rng = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            // HFS is more common in women and in middle age; the demo mix leans that way.
            var female = rng.NextDouble() < 0.62;
            var given = Pick(rng, female ? FemaleNames : MaleNames);
            var family = Pick(rng, FamilyNames);
            var age = Math.Clamp((int)Math.Round(52 + (Gaussian(rng) * 14)), 18, 92);
            var birth = today.AddYears(-age).AddDays(-rng.Next(0, 365));
            var place = Pick(rng, Places);
            var language = rng.NextDouble() switch { < 0.45 => Language.Marathi, < 0.75 => Language.Hindi, _ => Language.English };
            var hasAbha = rng.NextDouble() < 0.3;
            var hasContact = rng.NextDouble() < 0.8;
            yield return new PatientInput
            {
                GivenName = given,
                FamilyName = family,
                Sex = female ? Sex.Female : Sex.Male,
                BirthDate = birth,
                Mobile = Mobile(rng),
                Email = rng.NextDouble() < 0.4 ? $"{given}.{family}{rng.Next(1, 999)}@example.com".ToLowerInvariant() : null,
                AddressLine1 = $"{rng.Next(1, 400)}, {Pick(rng, Streets)}",
                City = place.City,
                State = place.State,
                PinCode = place.PinPrefix + rng.Next(1, 999).ToString("D3", CultureInfo.InvariantCulture),
                PreferredLanguage = language,
                AbhaNumber = hasAbha ? "91" + rng.NextInt64(0, 1_000_000_000_000).ToString("D12", CultureInfo.InvariantCulture) : null,
                AbhaAddress = hasAbha && rng.NextDouble() < 0.5 ? $"{given}.{family}{i}@abdm".ToLowerInvariant() : null,
                EmergencyContactName = hasContact ? $"{Pick(rng, rng.NextDouble() < 0.5 ? FemaleNames : MaleNames)} {family}" : null,
                EmergencyContactRelationship = hasContact ? Pick(rng, Relationships) : null,
                EmergencyContactPhone = hasContact ? Mobile(rng) : null,
                ContactConsent = rng.NextDouble() < 0.85,
            };
        }
    }

    private static string Mobile(Random rng) =>
        rng.Next(6, 10).ToString(CultureInfo.InvariantCulture) + rng.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
